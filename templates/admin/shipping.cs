<?cs # Delivery (cgi-bin/parts/admin/shipping.c): Page.zones.N.{id,name,
      areas,rates.M.*}, the quote form Page.q.{country,region,units,grams,
      amount}, Page.countries.N.{code,name}, and its answer
      Page.quote.{state (ok|none|empty),country,zone,options.N.*}. ?>
<?cs include:"admin/_parts.cs" ?>
<?cs include:"admin/_ship.cs" ?>
<?cs def:title() ?><?cs var:Lang.admship.title ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("shipping") ?>
  <h1><?cs var:Lang.admship.title ?></h1>
  <p><?cs var:Lang.admship.intro ?></p>
  <p><a class="button primary" id="new-zone" href="/admin/shipping/zone"><?cs var:Lang.admship.new_zone ?></a></p>
  <?cs if:subcount(Page.zones) == 0 ?><p class="empty" id="zones-empty"><?cs var:Lang.admship.no_zones ?></p><?cs /if ?>
  <?cs each:z = Page.zones ?>
  <section class="adm-card" id="zone-<?cs var:z.id ?>">
    <h2><a href="/admin/shipping/zone/<?cs var:z.id ?>"><?cs var:z.name ?></a></h2>
    <p class="areas"><?cs var:Lang.admship.areas ?>: <?cs if:z.areas ?><?cs var:z.areas ?><?cs else ?><?cs var:Lang.admship.no_areas ?><?cs /if ?></p>
    <?cs call:ship_rates(z.rates, "rates-" + z.id) ?>
    <p><a href="/admin/shipping/zone/<?cs var:z.id ?>"><?cs var:Lang.admship.edit ?></a> · <a href="/admin/shipping/rate?zone=<?cs var:z.id ?>"><?cs var:Lang.admship.new_rate ?></a></p>
  </section>
  <?cs /each ?>
  <h2 id="quote"><?cs var:Lang.admship.quote.title ?></h2>
  <p><?cs var:Lang.admship.quote.intro ?></p>
  <?cs call:ship_errors() ?>
  <form method="get" action="/admin/shipping#quote" class="adm-form ship-form" id="quote-form">
    <div class="field"><label for="q-country"><?cs var:Lang.admship.quote.country ?></label><select id="q-country" name="country"><?cs each:k = Page.countries ?><option value="<?cs var:k.code ?>"<?cs if:k.code == Page.q.country ?> selected<?cs /if ?>><?cs var:k.name ?></option><?cs /each ?></select></div>
    <div class="field"><label for="q-region"><?cs var:Lang.admship.quote.region ?></label><input id="q-region" name="region" maxlength="60" value="<?cs var:Page.q.region ?>"></div>
    <div class="field"><label for="q-units"><?cs var:Lang.admship.quote.units ?></label><input id="q-units" name="units" inputmode="numeric" maxlength="6" value="<?cs if:?Page.q.units ?><?cs var:Page.q.units ?><?cs else ?>1<?cs /if ?>"></div>
    <div class="field"><label for="q-grams"><?cs var:Lang.admship.quote.grams ?></label><input id="q-grams" name="grams" inputmode="numeric" maxlength="10" value="<?cs var:Page.q.grams ?>"></div>
    <div class="field"><label for="q-amount"><?cs var:Lang.admship.quote.amount ?></label><input id="q-amount" name="amount" inputmode="decimal" maxlength="32" value="<?cs var:Page.q.amount ?>"></div>
    <button type="submit" class="button" id="quote-go"><?cs var:Lang.admship.quote.go ?></button>
  </form>
  <?cs if:?Page.quote.state ?>
  <div id="quote-result" role="status">
  <h3><?cs var:Lang.admship.quote.result ?> <?cs each:k = Page.countries ?><?cs if:k.code == Page.quote.country ?><?cs var:k.name ?><?cs /if ?><?cs /each ?><?cs if:Page.q.region ?> (<?cs var:Page.q.region ?>)<?cs /if ?><?cs if:?Page.quote.zone ?> — <?cs var:Lang.admship.zone ?> <?cs var:Page.quote.zone ?><?cs /if ?></h3>
  <?cs if:Page.quote.state == "none" ?><p id="quote-none"><?cs var:Lang.admship.quote.none ?></p>
  <?cs elif:Page.quote.state == "empty" ?><p id="quote-empty"><?cs var:Lang.admship.quote.empty ?></p>
  <?cs else ?><ul id="quote-options"><?cs each:o = Page.quote.options ?><li data-rate="<?cs var:o.id ?>"><strong><?cs var:o.name ?></strong>: <span class="price"><?cs if:o.free == "1" ?><?cs var:Lang.admship.quote.free ?><?cs else ?><?cs var:o.price ?><?cs /if ?></span> · <?cs call:ship_days(o.min, o.max) ?></li><?cs /each ?></ul><?cs /if ?>
  </div>
  <?cs /if ?>
</section>
<?cs /def ?>
