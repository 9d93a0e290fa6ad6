<?cs include:"account/_parts.cs" ?>
<?cs def:title() ?><?cs var:Lang.acct.twofa_title ?><?cs /def ?>
<?cs def:main() ?>
<section class="account narrow">
  <h1><?cs var:Lang.acct.twofa_title ?></h1>
  <?cs call:acct_msgs() ?>
  <form id="twofa-form" class="form" method="post" action="/account/2fa" accept-charset="utf-8">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <input type="hidden" name="next" value="<?cs var:Page.next ?>">
    <div class="field"><label for="t-code"><?cs var:Lang.acct.code ?></label>
      <input id="t-code" name="code" type="text" required maxlength="20" autocomplete="one-time-code" inputmode="numeric"></div>
    <button type="submit" class="btn primary"><?cs var:Lang.acct.verify_btn ?></button>
  </form>
</section>
<?cs /def ?>
