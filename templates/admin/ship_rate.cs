<?cs # One delivery method (cgi-bin/parts/admin/shipping.c): Page.form.{id
      ("0": a new one),zone,zone_name,name,name_en,name_fr,kind,base,step,
      grams,free_from,min_days,max_days,active}, Page.errors.N.err. ?>
<?cs include:"admin/_parts.cs" ?>
<?cs include:"admin/_ship.cs" ?>
<?cs def:title() ?><?cs if:Page.form.id != "0" ?><?cs var:Page.form.name ?><?cs else ?><?cs var:Lang.admship.new_rate ?><?cs /if ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("shipping") ?>
  <p><a href="/admin/shipping/zone/<?cs var:Page.form.zone ?>"><?cs var:Lang.admship.zone ?> <?cs var:Page.form.zone_name ?></a></p>
  <h1><?cs if:Page.form.id != "0" ?><?cs var:Lang.admship.rate ?> <?cs var:Page.form.name ?><?cs else ?><?cs var:Lang.admship.new_rate ?><?cs /if ?></h1>
  <?cs call:ship_errors() ?>
  <form method="post" action="/admin/shipping/rate/save" class="adm-form ship-form" id="rate-form">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <?cs if:Page.form.id != "0" ?><input type="hidden" name="id" value="<?cs var:Page.form.id ?>"><?cs else ?><input type="hidden" name="zone" value="<?cs var:Page.form.zone ?>"><?cs /if ?>
    <div class="field"><label for="r-name"><?cs var:Lang.admship.field.rate_name ?></label><input id="r-name" name="name" required maxlength="60" value="<?cs var:Page.form.name ?>"></div>
    <div class="field"><label for="r-name-en"><?cs var:Lang.admship.field.name_en ?></label><input id="r-name-en" name="name_en" maxlength="60" lang="en" value="<?cs var:Page.form.name_en ?>" aria-describedby="r-names-help"></div>
    <div class="field"><label for="r-name-fr"><?cs var:Lang.admship.field.name_fr ?></label><input id="r-name-fr" name="name_fr" maxlength="60" lang="fr" value="<?cs var:Page.form.name_fr ?>" aria-describedby="r-names-help"><small id="r-names-help"><?cs var:Lang.admship.help.names ?></small></div>
    <fieldset class="field"><legend><?cs var:Lang.admship.field.kind ?></legend>
    <?cs each:k = Lang.admship.kind ?><label class="choice"><input type="radio" name="kind" value="<?cs name:k ?>" id="r-kind-<?cs name:k ?>"<?cs if:Page.form.kind == name(k) ?> checked<?cs /if ?>> <?cs var:k ?></label> <?cs /each ?>
    </fieldset>
    <div class="field"><label for="r-base"><?cs var:Lang.admship.field.base ?></label><input id="r-base" name="base" required inputmode="decimal" maxlength="32" value="<?cs var:Page.form.base ?>" aria-describedby="r-base-help"><small id="r-base-help"><?cs var:Lang.admship.help.base ?></small></div>
    <div class="field"><label for="r-step"><?cs var:Lang.admship.field.step ?></label><input id="r-step" name="step" inputmode="decimal" maxlength="32" value="<?cs var:Page.form.step ?>" aria-describedby="r-step-help"><small id="r-step-help"><?cs var:Lang.admship.help.step ?></small></div>
    <div class="field"><label for="r-grams"><?cs var:Lang.admship.field.grams ?></label><input id="r-grams" name="grams" inputmode="numeric" maxlength="8" value="<?cs var:Page.form.grams ?>" aria-describedby="r-grams-help"><small id="r-grams-help"><?cs var:Lang.admship.help.grams ?></small></div>
    <div class="field"><label for="r-free"><?cs var:Lang.admship.field.free_from ?></label><input id="r-free" name="free_from" inputmode="decimal" maxlength="32" value="<?cs var:Page.form.free_from ?>" aria-describedby="r-free-help"><small id="r-free-help"><?cs var:Lang.admship.help.free_from ?></small></div>
    <div class="field"><label for="r-min"><?cs var:Lang.admship.field.min_days ?></label><input id="r-min" name="min_days" required inputmode="numeric" maxlength="3" value="<?cs var:Page.form.min_days ?>"></div>
    <div class="field"><label for="r-max"><?cs var:Lang.admship.field.max_days ?></label><input id="r-max" name="max_days" inputmode="numeric" maxlength="3" value="<?cs var:Page.form.max_days ?>"></div>
    <div class="field"><label class="choice"><input type="checkbox" name="active" value="1" id="r-active"<?cs if:Page.form.active == "1" ?> checked<?cs /if ?>> <?cs var:Lang.admship.field.active ?></label></div>
    <button type="submit" class="button primary" id="rate-save"><?cs var:Lang.admship.save_rate ?></button>
  </form>
  <?cs if:Page.form.id != "0" ?>
  <h2><?cs var:Lang.admship.danger ?></h2>
  <p><?cs var:Lang.admship.delete_note ?></p>
  <form method="post" action="/admin/shipping/rate/delete" class="inline"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:Page.form.id ?>"><button class="button danger" id="rate-delete"><?cs var:Lang.admship.delete_rate ?></button></form>
  <?cs /if ?>
</section>
<?cs /def ?>
