<?cs # The discount codes (cgi-bin/parts/admin/coupons.c): Page.coupons.N.
      {id,code,kind,discount,min_shown,starts,expires,max_uses,
      per_customer,uses,given,status,scoped} — the usage report is uses
      (one per order) and given (the discount total). ?>
<?cs include:"admin/_parts.cs" ?>
<?cs def:title() ?><?cs var:Lang.admcpn.title ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("coupons") ?>
  <h1><?cs var:Lang.admcpn.title ?></h1>
  <p><a class="button primary" id="new-coupon" href="/admin/coupon"><?cs var:Lang.admcpn.new ?></a></p>
  <?cs if:subcount(Page.coupons) == 0 ?><p class="empty" id="coupons-empty"><?cs var:Lang.adm.none ?></p><?cs else ?>
  <div class="adm-table-wrap"><table class="adm-table" id="coupons">
  <thead><tr><th scope="col"><?cs var:Lang.admcpn.field.code ?></th><th scope="col"><?cs var:Lang.admcpn.discount ?></th><th scope="col"><?cs var:Lang.admcpn.conditions ?></th><th scope="col"><?cs var:Lang.admcpn.uses ?></th><th scope="col"><?cs var:Lang.admcpn.given ?></th><th scope="col"><?cs var:Lang.admcpn.status ?></th></tr></thead>
  <tbody><?cs each:k = Page.coupons ?><tr id="coupon-<?cs var:k.id ?>"<?cs if:k.status == "disabled" ?> class="disabled"<?cs /if ?>>
  <td data-label="<?cs var:Lang.admcpn.field.code ?>"><a href="/admin/coupon/<?cs var:k.id ?>"><?cs var:k.code ?></a></td>
  <td data-label="<?cs var:Lang.admcpn.discount ?>"><?cs var:k.discount ?><?cs if:k.scoped == "1" ?> <small>(<?cs var:Lang.admcpn.scoped ?>)</small><?cs /if ?></td>
  <td data-label="<?cs var:Lang.admcpn.conditions ?>"><?cs if:k.min_shown ?><?cs var:Lang.admcpn.min_short ?> <?cs var:k.min_shown ?><br><?cs /if ?><?cs if:k.starts ?><?cs var:Lang.admcpn.from ?> <?cs var:k.starts ?><br><?cs /if ?><?cs if:k.expires ?><?cs var:Lang.admcpn.until ?> <?cs var:k.expires ?><br><?cs /if ?><?cs if:k.per_customer ?><?cs var:k.per_customer ?> <?cs var:Lang.admcpn.per_customer_short ?><?cs /if ?></td>
  <td data-label="<?cs var:Lang.admcpn.uses ?>" class="uses"><?cs var:k.uses ?> / <?cs if:k.max_uses ?><?cs var:k.max_uses ?><?cs else ?>∞<?cs /if ?></td>
  <td data-label="<?cs var:Lang.admcpn.given ?>"><?cs var:k.given ?></td>
  <td data-label="<?cs var:Lang.admcpn.status ?>" class="status-<?cs var:k.status ?>"><?cs var:Lang.admcpn.state[k.status] ?></td>
  </tr><?cs /each ?></tbody></table></div>
  <?cs /if ?>
</section>
<?cs /def ?>
