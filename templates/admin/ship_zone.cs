<?cs # One delivery zone (cgi-bin/parts/admin/shipping.c): Page.form.{id
      ("0": a new zone),name,areas}, Page.zone_name, Page.rates.N.*,
      Page.errors.N.err (Lang.admship.err), Page.bad (an area refused). ?>
<?cs include:"admin/_parts.cs" ?>
<?cs include:"admin/_ship.cs" ?>
<?cs def:title() ?><?cs if:Page.form.id != "0" ?><?cs var:Page.zone_name ?><?cs else ?><?cs var:Lang.admship.new_zone ?><?cs /if ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("shipping") ?>
  <p><a href="/admin/shipping"><?cs var:Lang.admship.back ?></a></p>
  <h1><?cs if:Page.form.id != "0" ?><?cs var:Lang.admship.zone ?> <?cs var:Page.zone_name ?><?cs else ?><?cs var:Lang.admship.new_zone ?><?cs /if ?></h1>
  <?cs call:ship_errors() ?>
  <form method="post" action="/admin/shipping/zone/save" class="adm-form ship-form" id="zone-form">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <?cs if:Page.form.id != "0" ?><input type="hidden" name="id" value="<?cs var:Page.form.id ?>"><?cs /if ?>
    <div class="field"><label for="z-name"><?cs var:Lang.admship.field.zone_name ?></label><input id="z-name" name="name" required maxlength="60" value="<?cs var:Page.form.name ?>"></div>
    <div class="field"><label for="z-areas"><?cs var:Lang.admship.field.areas ?></label><textarea id="z-areas" name="areas" rows="4" required aria-describedby="z-areas-help"><?cs var:Page.form.areas ?></textarea><small id="z-areas-help"><?cs var:Lang.admship.help.areas ?></small></div>
    <button type="submit" class="button primary" id="zone-save"><?cs var:Lang.admship.save_zone ?></button>
  </form>
  <?cs if:Page.form.id != "0" ?>
  <h2 id="rates"><?cs var:Lang.admship.rates ?></h2>
  <?cs call:ship_rates(Page.rates, "zone-rates") ?>
  <p><a class="button" id="new-rate" href="/admin/shipping/rate?zone=<?cs var:Page.form.id ?>"><?cs var:Lang.admship.new_rate ?></a></p>
  <h2><?cs var:Lang.admship.danger ?></h2>
  <p><?cs var:Lang.admship.delete_note ?></p>
  <form method="post" action="/admin/shipping/zone/delete" class="inline"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:Page.form.id ?>"><button class="button danger" id="zone-delete"><?cs var:Lang.admship.delete_zone ?></button></form>
  <?cs /if ?>
</section>
<?cs /def ?>
