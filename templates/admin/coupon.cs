<?cs # One discount code (cgi-bin/parts/admin/coupons.c): Page.form.*
      (id "0": a new code; the typed values again after a refusal),
      Page.errors.N.err (Lang.admcpn.err), Page.bad (the unknown slug),
      Page.scope.N.{kind,slug,name}, Page.report.orders.N.{id,reference,
      email,status,discount,when}. ?>
<?cs include:"admin/_parts.cs" ?>
<?cs def:title() ?><?cs if:Page.form.id != "0" ?><?cs var:Page.form.code ?><?cs else ?><?cs var:Lang.admcpn.new ?><?cs /if ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("coupons") ?>
  <p><a href="/admin/coupons"><?cs var:Lang.admcpn.back ?></a></p>
  <h1><?cs if:Page.form.id != "0" ?><?cs var:Lang.admcpn.coupon ?> <?cs var:Page.form.code ?><?cs else ?><?cs var:Lang.admcpn.new ?><?cs /if ?></h1>
  <?cs if:subcount(Page.errors) > 0 ?>
  <div class="errors" role="alert" id="form-errors"><p><?cs var:Lang.errors_heading ?></p><ul>
  <?cs each:e = Page.errors ?><li><?cs var:Lang.admcpn.err[e.err] ?><?cs if:(e.err == "product" || e.err == "category") && ?Page.bad ?> <strong><?cs var:Page.bad ?></strong><?cs /if ?></li><?cs /each ?>
  </ul></div><?cs /if ?>
  <?cs if:Page.form.id != "0" && Page.form.status ?><p id="coupon-status"><?cs var:Lang.admcpn.status ?>: <strong class="status-<?cs var:Page.form.status ?>"><?cs var:Lang.admcpn.state[Page.form.status] ?></strong></p><?cs /if ?>
  <form method="post" action="/admin/coupon/save" class="adm-form" id="coupon-form">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <?cs if:Page.form.id != "0" ?><input type="hidden" name="id" value="<?cs var:Page.form.id ?>"><?cs /if ?>
    <div class="field"><label for="c-code"><?cs var:Lang.admcpn.field.code ?></label><input id="c-code" name="code" required maxlength="40" pattern="[A-Za-z0-9_\-]{2,40}" value="<?cs var:Page.form.code ?>"><small><?cs var:Lang.admcpn.help.code ?></small></div>
    <div class="field"><label for="c-kind"><?cs var:Lang.admcpn.field.kind ?></label><select id="c-kind" name="kind"><?cs each:k = Lang.admcpn.kind ?><option value="<?cs name:k ?>"<?cs if:Page.form.kind == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?></select></div>
    <div class="field"><label for="c-value"><?cs var:Lang.admcpn.field.value ?></label><input id="c-value" name="value" required inputmode="decimal" maxlength="32" value="<?cs var:Page.form.value ?>"><small><?cs var:Lang.admcpn.help.value ?></small></div>
    <div class="field"><label for="c-min"><?cs var:Lang.admcpn.field.min ?></label><input id="c-min" name="min_order" inputmode="decimal" maxlength="32" value="<?cs var:Page.form.min ?>"></div>
    <div class="field"><label for="c-starts"><?cs var:Lang.admcpn.field.starts ?></label><input id="c-starts" name="starts" type="date" value="<?cs var:Page.form.starts ?>"></div>
    <div class="field"><label for="c-expires"><?cs var:Lang.admcpn.field.expires ?></label><input id="c-expires" name="expires" type="date" value="<?cs var:Page.form.expires ?>"><small><?cs var:Lang.admcpn.help.expires ?></small></div>
    <div class="field"><label for="c-max"><?cs var:Lang.admcpn.field.max_uses ?></label><input id="c-max" name="max_uses" inputmode="numeric" maxlength="16" value="<?cs var:Page.form.max_uses ?>"><small><?cs var:Lang.admcpn.help.unlimited ?></small></div>
    <div class="field"><label for="c-per"><?cs var:Lang.admcpn.field.per_customer ?></label><input id="c-per" name="per_customer" inputmode="numeric" maxlength="16" value="<?cs var:Page.form.per_customer ?>"><small><?cs var:Lang.admcpn.help.per_customer ?></small></div>
    <div class="field"><label for="c-products"><?cs var:Lang.admcpn.field.products ?></label><input id="c-products" name="products" maxlength="4000" value="<?cs var:Page.form.products ?>"><small><?cs var:Lang.admcpn.help.scope ?></small></div>
    <div class="field"><label for="c-categories"><?cs var:Lang.admcpn.field.categories ?></label><input id="c-categories" name="categories" maxlength="4000" value="<?cs var:Page.form.categories ?>"></div>
    <button type="submit" class="button primary" id="save"><?cs var:Lang.admcpn.save ?></button>
  </form>
  <?cs if:Page.form.id != "0" && ?Page.form.uses ?>
  <h2><?cs var:Lang.admcpn.scope ?></h2>
  <?cs if:subcount(Page.scope) == 0 ?><p id="scope-all"><?cs var:Lang.admcpn.whole_cart ?></p><?cs else ?>
  <ul id="scope"><?cs each:s = Page.scope ?><li><?cs var:Lang.admcpn.scope_kind[s.kind] ?>: <?cs var:s.name ?> <small>(<?cs var:s.slug ?>)</small></li><?cs /each ?></ul><?cs /if ?>
  <h2><?cs var:Lang.adm.actions ?></h2>
  <form method="post" action="/admin/coupon/act" class="inline"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:Page.form.id ?>"><?cs if:Page.form.active == "1" ?><button name="do" value="disable" class="button" id="do-disable"><?cs var:Lang.admcpn.disable ?></button><?cs else ?><button name="do" value="enable" class="button" id="do-enable"><?cs var:Lang.admcpn.enable ?></button><?cs /if ?></form>
  <h2 id="report"><?cs var:Lang.admcpn.report ?></h2>
  <dl class="adm-figures" id="report-figures">
    <dt><?cs var:Lang.admcpn.uses ?></dt><dd id="report-uses"><?cs var:Page.form.uses ?><?cs if:Page.form.max_uses ?> / <?cs var:Page.form.max_uses ?><?cs /if ?></dd>
    <dt><?cs var:Lang.admcpn.given ?></dt><dd id="report-given"><?cs var:Page.form.given ?></dd>
  </dl>
  <?cs if:subcount(Page.report.orders) == 0 ?><p class="empty" id="report-empty"><?cs var:Lang.admcpn.no_orders ?></p><?cs else ?>
  <div class="adm-table-wrap"><table class="adm-table" id="report-orders">
  <thead><tr><th scope="col"><?cs var:Lang.adm.reference ?></th><th scope="col"><?cs var:Lang.adm.date ?></th><th scope="col"><?cs var:Lang.adm.status ?></th><th scope="col"><?cs var:Lang.adm.customer ?></th><th scope="col"><?cs var:Lang.admcpn.discount ?></th></tr></thead>
  <tbody><?cs each:o = Page.report.orders ?><tr><td data-label="<?cs var:Lang.adm.reference ?>"><a href="/admin/order/<?cs var:o.id ?>"><?cs var:o.reference ?></a></td><td data-label="<?cs var:Lang.adm.date ?>"><?cs var:o.when ?></td><td data-label="<?cs var:Lang.adm.status ?>"><?cs call:status(o.status, o.status) ?></td><td data-label="<?cs var:Lang.adm.customer ?>"><?cs var:o.email ?></td><td data-label="<?cs var:Lang.admcpn.discount ?>"><?cs var:o.discount ?></td></tr><?cs /each ?></tbody></table></div>
  <?cs /if ?>
  <?cs /if ?>
</section>
<?cs /def ?>
