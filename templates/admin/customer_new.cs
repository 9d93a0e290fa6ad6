<?cs # Create a client account: Page.form.{email,name,phone,lang},
      Page.field_err.*, Page.cust_error. ?>
<?cs include:"admin/_parts.cs" ?>
<?cs include:"admin/_customer.cs" ?>
<?cs def:title() ?><?cs var:Lang.admcust.new ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:cust_ferr(f) ?><?cs if:?Page.field_err[f] ?><p class="field-err" id="err-<?cs var:f ?>"><?cs var:Lang.admcust[f] ?> <?cs alt:Lang.admcust.ferr[Page.field_err[f]] ?><?cs var:Lang.err[Page.field_err[f]] ?><?cs /alt ?>.</p><?cs /if ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("customers") ?>
  <p><a href="/admin/customers"><?cs var:Lang.admcust.back ?></a></p>
  <h1><?cs var:Lang.admcust.new ?></h1>
  <?cs call:cust_done() ?>
  <p><?cs var:Lang.admcust.new_help ?></p>
  <form method="post" action="/admin/customers/new" class="form" id="customer-form">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <div class="field"><label for="c-name"><?cs var:Lang.admcust.name ?></label><input id="c-name" name="name" required maxlength="100" autocomplete="off" value="<?cs var:Page.form.name ?>"<?cs if:?Page.field_err.name ?> aria-invalid="true" aria-describedby="err-name"<?cs /if ?>><?cs call:cust_ferr("name") ?></div>
    <div class="field"><label for="c-email"><?cs var:Lang.admcust.email ?></label><input id="c-email" name="email" type="email" required maxlength="254" autocomplete="off" value="<?cs var:Page.form.email ?>"<?cs if:?Page.field_err.email ?> aria-invalid="true" aria-describedby="err-email"<?cs /if ?>><?cs call:cust_ferr("email") ?></div>
    <div class="field"><label for="c-phone"><?cs var:Lang.admcust.phone ?></label><input id="c-phone" name="phone" type="tel" maxlength="30" autocomplete="off" value="<?cs var:Page.form.phone ?>"<?cs if:?Page.field_err.phone ?> aria-invalid="true" aria-describedby="err-phone"<?cs /if ?>><?cs call:cust_ferr("phone") ?></div>
    <div class="field"><label for="c-lang"><?cs var:Lang.admcust.lang ?></label><select id="c-lang" name="lang"><?cs each:l = Lang.admcust.langs ?><option value="<?cs name:l ?>"<?cs if:Page.form.lang == name(l) ?> selected<?cs /if ?>><?cs var:l ?></option><?cs /each ?></select></div>
    <button type="submit" class="button primary" id="do-create"><?cs var:Lang.admcust.create ?></button>
  </form>
</section>
<?cs /def ?>
