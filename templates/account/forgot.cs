<?cs include:"account/_parts.cs" ?>
<?cs def:title() ?><?cs var:Lang.acct.forgot_title ?><?cs /def ?>
<?cs def:main() ?>
<section class="account narrow">
  <h1><?cs var:Lang.acct.forgot_title ?></h1>
  <?cs call:acct_msgs() ?>
  <form id="forgot-form" class="form" method="post" action="/account/forgot" accept-charset="utf-8">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <div class="field"><label for="f-email"><?cs var:Lang.acct.email ?></label>
      <input id="f-email" name="email" type="email" required maxlength="254" autocomplete="email" value="<?cs var:Page.form.email ?>"></div>
    <button type="submit" class="btn primary"><?cs var:Lang.acct.forgot_btn ?></button>
  </form>
</section>
<?cs /def ?>
