<?cs include:"account/_parts.cs" ?>
<?cs def:title() ?><?cs var:Lang.acct.security_title ?><?cs /def ?>
<?cs def:pwfield(id) ?><div class="field"><label for="<?cs var:id ?>"><?cs var:Lang.acct.confirm_pw ?></label><input id="<?cs var:id ?>" name="current" type="password" required maxlength="200" autocomplete="current-password"></div><?cs /def ?>
<?cs def:main() ?>
<section class="account">
  <h1><?cs var:Lang.acct.security_title ?></h1>
  <?cs call:acct_msgs() ?>
  <?cs if:Page.totp_required ?><div class="notice error" role="alert" id="totp-required"><p><?cs var:Lang.acct.totp_required ?></p></div><?cs /if ?>
  <h2><?cs var:Lang.acct.change_password ?></h2>
  <form id="password-form" class="form" method="post" action="/account/password" accept-charset="utf-8">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <div class="field"><label for="c-current"><?cs var:Lang.acct.current ?></label><input id="c-current" name="current" type="password" required maxlength="200" autocomplete="current-password"></div>
    <div class="field"><label for="c-password"><?cs var:Lang.acct.new_password ?></label><input id="c-password" name="password" type="password" required minlength="10" maxlength="200" autocomplete="new-password"><p class="hint"><?cs var:Lang.acct.pw_hint ?></p></div>
    <button type="submit" class="btn"><?cs var:Lang.acct.save ?></button>
  </form>
  <h2><?cs var:Lang.acct.change_email ?></h2>
  <form id="email-form" class="form" method="post" action="/account/email" accept-charset="utf-8">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <p class="hint"><?cs var:Lang.acct.change_email_hint ?></p>
    <div class="field"><label for="m-email"><?cs var:Lang.acct.email ?></label><input id="m-email" name="email" type="email" required maxlength="254"></div>
    <?cs call:pwfield("m-current") ?>
    <button type="submit" class="btn"><?cs var:Lang.acct.save ?></button>
  </form>
  <h2><?cs var:Lang.acct.sessions ?></h2>
  <ul class="sessions" id="sessions"><?cs each:s = Page.sessions ?><li><?cs var:s.agent ?> · <?cs var:s.client ?> · <?cs var:Lang.acct.seen ?> <?cs var:s.seen ?><?cs if:s.current ?> (<?cs var:Lang.acct.this_device ?>)<?cs /if ?></li><?cs /each ?></ul>
  <form method="post" action="/account/logout-all"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><button type="submit" class="btn" id="logout-all"><?cs var:Lang.acct.logout_all ?></button></form>
  <?cs if:Page.user.staff ?>
  <h2><?cs var:Lang.acct.totp ?></h2>
  <?cs if:Page.user.totp ?><p><?cs var:Lang.acct.totp_on ?> <?cs var:Lang.acct.recovery_left ?> <?cs var:Page.recovery_left ?></p>
  <form method="post" action="/account/totp/disable" class="form"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><?cs call:pwfield("x-current") ?><button type="submit" class="btn"><?cs var:Lang.acct.totp_disable ?></button></form>
  <?cs else ?><p><?cs var:Lang.acct.totp_off ?></p>
  <form method="post" action="/account/totp/setup"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><button type="submit" class="btn primary" id="totp-setup"><?cs var:Lang.acct.totp_setup ?></button></form><?cs /if ?>
  <?cs /if ?>
  <h2><?cs var:Lang.acct.privacy ?></h2>
  <form id="export-form" method="post" action="/account/export" class="form"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><?cs call:pwfield("e-current") ?><button type="submit" class="btn"><?cs var:Lang.acct.export ?></button></form>
  <p><?cs var:Lang.acct.delete_text ?></p>
  <form id="delete-form" method="post" action="/account/delete" class="form"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><?cs call:pwfield("z-current") ?><button type="submit" class="btn danger"><?cs var:Lang.acct.delete ?></button></form>
</section>
<?cs /def ?>
