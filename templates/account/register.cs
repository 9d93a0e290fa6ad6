<?cs include:"account/_parts.cs" ?>
<?cs def:title() ?><?cs var:Lang.acct.register_title ?><?cs /def ?>
<?cs def:main() ?>
<section class="account narrow">
  <h1><?cs var:Lang.acct.register_title ?></h1>
  <?cs call:acct_msgs() ?>
  <form id="register-form" class="form" method="post" action="/account/register" accept-charset="utf-8">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <div class="field"><label for="r-name"><?cs var:Lang.acct.name ?></label>
      <input id="r-name" name="name" type="text" required maxlength="100" autocomplete="name" value="<?cs var:Page.form.name ?>"></div>
    <div class="field"><label for="r-email"><?cs var:Lang.acct.email ?></label>
      <input id="r-email" name="email" type="email" required maxlength="254" autocomplete="email" value="<?cs var:Page.form.email ?>"></div>
    <div class="field"><label for="r-password"><?cs var:Lang.acct.password ?></label>
      <input id="r-password" name="password" type="password" required minlength="<?cs var:Page.password_min ?>" maxlength="200" autocomplete="new-password" aria-describedby="r-pw-hint">
      <p class="hint" id="r-pw-hint"><?cs var:Lang.acct.pw_hint ?></p></div>
    <button type="submit" class="btn primary"><?cs var:Lang.acct.register_btn ?></button>
  </form>
  <p><?cs var:Lang.acct.have_account ?> <a href="/account/login"><?cs var:Lang.acct.login_title ?></a></p>
</section>
<?cs /def ?>
