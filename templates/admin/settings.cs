<?cs # The store settings: Page.set.N.{name,group,kind,value,default,
      overridden,tail,choices.K}, Page.pay_mode, Page.err_setting and
      Page.err (a refused value).  Secrets are never put in the page:
      only whether one is set and at most its last four characters. ?>
<?cs include:"admin/_parts.cs" ?>
<?cs def:title() ?><?cs var:Lang.admset.title ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:set_form(s) ?>
<form method="post" action="/admin/settings/save" class="adm-form adm-setting" id="<?cs var:s.name ?>">
  <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="setting" value="<?cs var:s.name ?>">
  <div class="field"><label for="v-<?cs var:s.name ?>"><?cs alt:Lang.admset.key[s.name] ?><?cs var:s.name ?><?cs /alt ?> <small>(<?cs var:s.name ?>)</small></label>
  <?cs if:s.kind == "bool" ?><select id="v-<?cs var:s.name ?>" name="value"><option value="0"<?cs if:s.value == "0" ?> selected<?cs /if ?>><?cs var:Lang.admset.off ?></option><option value="1"<?cs if:s.value == "1" ?> selected<?cs /if ?>><?cs var:Lang.admset.on ?></option></select>
  <?cs elif:s.kind == "choice" ?><select id="v-<?cs var:s.name ?>" name="value"><?cs each:o = s.choices ?><option value="<?cs var:o ?>"<?cs if:o == s.value ?> selected<?cs /if ?>><?cs var:o ?></option><?cs /each ?></select>
  <?cs elif:s.kind == "secret" ?><input id="v-<?cs var:s.name ?>" name="value" type="password" autocomplete="new-password" maxlength="1000" aria-describedby="t-<?cs var:s.name ?>">
  <span class="hint" id="t-<?cs var:s.name ?>"><?cs if:s.tail == "" ?><?cs var:Lang.admset.secret_none ?><?cs elif:s.tail == "-" ?><?cs var:Lang.admset.secret_set ?><?cs else ?><?cs var:Lang.admset.secret_set ?> <?cs var:Lang.admset.ending ?> <?cs var:s.tail ?><?cs /if ?></span>
  <?cs else ?><input id="v-<?cs var:s.name ?>" name="value" maxlength="1000" value="<?cs var:s.value ?>">
  <?cs /if ?>
  <?cs if:s.kind != "secret" ?><span class="hint"><?cs var:Lang.admset.default ?> <code><?cs var:s.default ?></code><?cs if:s.overridden == "1" ?> · <?cs var:Lang.admset.overridden ?><?cs /if ?></span><?cs elif:s.overridden == "1" ?><span class="hint"><?cs var:Lang.admset.overridden ?></span><?cs /if ?>
  <?cs if:Page.err_setting == s.name ?><p class="field-error" role="alert" id="err-<?cs var:s.name ?>"><?cs alt:Lang.err[Page.err] ?><?cs var:Page.err ?><?cs /alt ?></p><?cs /if ?>
  </div>
  <button class="button" name="action" value="save"><?cs var:Lang.admset.save ?></button>
  <?cs if:s.overridden == "1" ?><button class="button" name="action" value="reset"><?cs var:Lang.admset.reset ?></button><?cs /if ?>
</form>
<?cs /def ?>
<?cs def:set_group(g) ?>
<fieldset class="adm-group" id="group-<?cs var:g ?>"><legend><?cs var:Lang.admset.group[g] ?></legend>
<?cs each:s = Page.set ?><?cs if:s.group == g ?><?cs call:set_form(s) ?><?cs /if ?><?cs /each ?>
</fieldset>
<?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("settings") ?>
  <h1><?cs var:Lang.admset.title ?></h1>
  <p><?cs var:Lang.admset.intro ?></p>
  <?cs if:Page.err && !Page.err_setting ?><div class="errors" role="alert" id="form-errors"><p><?cs alt:Lang.err[Page.err] ?><?cs var:Page.err ?><?cs /alt ?></p></div><?cs /if ?>
  <?cs call:set_group("shop") ?>
  <?cs call:set_group("money") ?>
  <?cs call:set_group("delivery") ?>
  <?cs call:set_group("payment") ?>
  <?cs call:set_group("security") ?>
  <?cs call:set_group("gateway") ?>
  <p id="pay-mode"><?cs var:Lang.admset.mode_now ?> <strong><?cs var:Page.pay_mode ?></strong></p>
  <?cs call:set_group("gateway_test") ?>
  <?cs call:set_group("gateway_live") ?>
</section>
<?cs /def ?>
