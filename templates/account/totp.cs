<?cs include:"account/_parts.cs" ?>
<?cs def:title() ?><?cs var:Lang.acct.totp_title ?><?cs /def ?>
<?cs def:main() ?>
<section class="account narrow">
  <h1><?cs var:Lang.acct.totp_title ?></h1>
  <?cs call:acct_msgs() ?>
  <p><?cs var:Lang.acct.totp_scan ?></p>
  <?cs # Page.qr is SVG made by qr_svg.c: rects of our own, no input text. ?>
  <div class="qr"><?cs uvar:Page.qr ?></div><?cs # souk:raw-ok: SVG drawn by qr_svg.c from libqrencode modules, no text of the user ?>
  <p><?cs var:Lang.acct.totp_key ?>: <code id="totp-secret"><?cs var:Page.secret ?></code></p>
  <form id="totp-form" class="form" method="post" action="/account/totp/enable" accept-charset="utf-8">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <div class="field"><label for="e-code"><?cs var:Lang.acct.code ?></label>
      <input id="e-code" name="code" type="text" required maxlength="6" autocomplete="one-time-code" inputmode="numeric"></div>
    <button type="submit" class="btn primary"><?cs var:Lang.acct.verify_btn ?></button>
  </form>
</section>
<?cs /def ?>
