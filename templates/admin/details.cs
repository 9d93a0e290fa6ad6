<?cs # A product's delivery weight and checkout details (cgi-bin/parts/
      admin/details.c): Page.p.{id,name,kind,grams}, Page.fields.N.{name,
      label,label_en,label_fr,type,max,required}, Page.form.* (the typed
      values after a refusal), Page.errors.N.err (Lang.admship.err). ?>
<?cs include:"admin/_parts.cs" ?>
<?cs include:"admin/_ship.cs" ?>
<?cs def:title() ?><?cs var:Lang.admship.details.title ?>: <?cs var:Page.p.name ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("products") ?>
  <p><a href="/admin/product/<?cs var:Page.p.id ?>"><?cs var:Lang.admship.details.back ?></a></p>
  <h1><?cs var:Lang.admship.details.title ?>: <?cs var:Page.p.name ?></h1>
  <?cs call:ship_errors() ?>
  <?cs if:Page.p.kind == "physical" ?>
  <form method="post" action="/admin/details/weight" class="adm-form ship-form" id="weight-form">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:Page.p.id ?>">
    <div class="field"><label for="d-grams"><?cs var:Lang.admship.details.weight ?></label><input id="d-grams" name="grams" inputmode="numeric" maxlength="10" value="<?cs if:?Page.form.grams ?><?cs var:Page.form.grams ?><?cs else ?><?cs var:Page.p.grams ?><?cs /if ?>" aria-describedby="d-grams-help"><small id="d-grams-help"><?cs var:Lang.admship.details.weight_help ?></small></div>
    <button type="submit" class="button" id="weight-save"><?cs var:Lang.admship.details.save_weight ?></button>
  </form>
  <?cs /if ?>
  <h2 id="fields"><?cs var:Lang.admship.details.fields ?></h2>
  <p><?cs var:Lang.admship.details.fields_intro ?></p>
  <?cs if:subcount(Page.fields) == 0 ?><p class="empty" id="fields-empty"><?cs var:Lang.admship.details.no_fields ?></p><?cs else ?>
  <ul class="adm-list" id="fields-list"><?cs each:f = Page.fields ?>
  <li id="field-<?cs var:f.name ?>"><strong><?cs var:f.label ?></strong> <code><?cs var:f.name ?></code><br><?cs var:Lang.admship.details.type[f.type] ?> · <?cs if:f.required == "1" ?><?cs var:Lang.admship.details.required ?><?cs else ?><?cs var:Lang.admship.details.optional ?><?cs /if ?><?cs if:f.type == "text" ?> · <?cs var:Lang.admship.details.max_short ?>: <?cs var:f.max ?><?cs /if ?><?cs if:f.label_en ?><br><small lang="en">en: <?cs var:f.label_en ?></small><?cs /if ?><?cs if:f.label_fr ?><br><small lang="fr">fr: <?cs var:f.label_fr ?></small><?cs /if ?>
  <form method="post" action="/admin/details/remove" class="inline"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:Page.p.id ?>"><input type="hidden" name="field" value="<?cs var:f.name ?>"><button class="button" id="field-remove-<?cs var:f.name ?>"><?cs var:Lang.admship.details.remove ?></button></form></li>
  <?cs /each ?></ul><?cs /if ?>
  <h3><?cs var:Lang.admship.details.add ?></h3>
  <form method="post" action="/admin/details/save" class="adm-form ship-form" id="field-form">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:Page.p.id ?>">
    <div class="field"><label for="f-name"><?cs var:Lang.admship.details.field.name ?></label><input id="f-name" name="field" required maxlength="32" pattern="[a-z0-9_]{1,32}" value="<?cs var:Page.form.field ?>" aria-describedby="f-name-help"><small id="f-name-help"><?cs var:Lang.admship.details.help.name ?></small></div>
    <fieldset class="field"><legend><?cs var:Lang.admship.details.field.type ?></legend>
    <?cs each:k = Lang.admship.details.type ?><label class="choice"><input type="radio" name="type" value="<?cs name:k ?>" id="f-type-<?cs name:k ?>"<?cs if:Page.form.type == name(k) ?> checked<?cs /if ?>> <?cs var:k ?></label> <?cs /each ?>
    </fieldset>
    <div class="field"><label for="f-label"><?cs var:Lang.admship.details.field.label ?></label><input id="f-label" name="label" required maxlength="80" value="<?cs var:Page.form.label ?>"></div>
    <div class="field"><label for="f-label-en"><?cs var:Lang.admship.details.field.label_en ?></label><input id="f-label-en" name="label_en" lang="en" maxlength="80" value="<?cs var:Page.form.label_en ?>"></div>
    <div class="field"><label for="f-label-fr"><?cs var:Lang.admship.details.field.label_fr ?></label><input id="f-label-fr" name="label_fr" lang="fr" maxlength="80" value="<?cs var:Page.form.label_fr ?>"></div>
    <div class="field"><label for="f-max"><?cs var:Lang.admship.details.field.max ?></label><input id="f-max" name="max" inputmode="numeric" maxlength="3" value="<?cs var:Page.form.max ?>" aria-describedby="f-max-help"><small id="f-max-help"><?cs var:Lang.admship.details.help.max ?></small></div>
    <div class="field"><label class="choice"><input type="checkbox" name="required" value="1" id="f-required"<?cs if:Page.form.required == "1" ?> checked<?cs /if ?>> <?cs var:Lang.admship.details.field.required ?></label></div>
    <button type="submit" class="button primary" id="field-save"><?cs var:Lang.admship.details.save_field ?></button>
  </form>
</section>
<?cs /def ?>
