<?cs include:"account/_parts.cs" ?>
<?cs def:title() ?><?cs var:Lang.acct.reset_title ?><?cs /def ?>
<?cs def:main() ?>
<section class="account narrow">
  <h1><?cs var:Lang.acct.reset_title ?></h1>
  <?cs call:acct_msgs() ?>
  <form id="reset-form" class="form" method="post" action="/account/reset" accept-charset="utf-8">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <input type="hidden" name="token" value="<?cs var:Page.token ?>">
    <div class="field"><label for="s-password"><?cs var:Lang.acct.new_password ?></label>
      <input id="s-password" name="password" type="password" required minlength="<?cs var:Page.password_min ?>" maxlength="200" autocomplete="new-password" aria-describedby="s-pw-hint">
      <p class="hint" id="s-pw-hint"><?cs var:Lang.acct.pw_hint ?></p></div>
    <button type="submit" class="btn primary"><?cs var:Lang.acct.reset_btn ?></button>
  </form>
</section>
<?cs /def ?>
