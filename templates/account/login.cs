<?cs include:"account/_parts.cs" ?>
<?cs def:title() ?><?cs var:Lang.acct.login_title ?><?cs /def ?>
<?cs def:main() ?>
<section class="account narrow">
  <h1><?cs var:Lang.acct.login_title ?></h1>
  <?cs call:acct_msgs() ?>
  <form id="login-form" class="form" method="post" action="/account/login" accept-charset="utf-8">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <input type="hidden" name="next" value="<?cs var:Page.next ?>">
    <div class="field"><label for="a-email"><?cs var:Lang.acct.email ?></label>
      <input id="a-email" name="email" type="email" required maxlength="254" autocomplete="username" value="<?cs var:Page.form.email ?>"></div>
    <div class="field"><label for="a-password"><?cs var:Lang.acct.password ?></label>
      <input id="a-password" name="password" type="password" required maxlength="200" autocomplete="current-password"></div>
    <button type="submit" class="btn primary"><?cs var:Lang.acct.login_btn ?></button>
  </form>
  <p><a href="/account/forgot"><?cs var:Lang.acct.forgot_link ?></a></p>
  <p><?cs var:Lang.acct.no_account ?> <a href="/account/register"><?cs var:Lang.acct.register_title ?></a></p>
</section>
<?cs /def ?>
