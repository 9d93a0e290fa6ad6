<?cs include:"account/_parts.cs" ?>
<?cs def:title() ?><?cs var:Lang.acct.home_title ?><?cs /def ?>
<?cs def:main() ?>
<section class="account">
  <h1><?cs var:Lang.acct.home_title ?></h1>
  <?cs call:acct_msgs() ?>
  <?cs if:!Page.user.verified ?><p class="notice" id="acct-unverified"><?cs var:Lang.acct.unverified ?></p><?cs /if ?>
  <nav class="acct-nav"><a href="/account/subscriptions"><?cs var:Lang.acct.subscriptions ?></a> · <a href="/account/library"><?cs var:Lang.acct.library ?></a> · <a href="/account/security"><?cs var:Lang.acct.security_title ?></a></nav>
  <h2><?cs var:Lang.acct.orders ?></h2>
  <?cs if:subcount(Page.orders) == 0 ?><p class="empty"><?cs var:Lang.acct.no_orders ?></p><?cs else ?>
  <table class="orders" id="acct-orders"><thead><tr><th><?cs var:Lang.acct.order_ref ?></th><th><?cs var:Lang.acct.order_date ?></th><th><?cs var:Lang.acct.order_status ?></th><th><?cs var:Lang.acct.order_total ?></th></tr></thead><tbody>
  <?cs each:o = Page.orders ?><tr><td><a href="/order/<?cs var:o.token ?>"><?cs var:o.reference ?></a><?cs if:o.guest == "1" ?> <small>(<?cs var:Lang.acct.guest_order ?>)</small><?cs /if ?></td><td><?cs var:o.date ?></td><td><?cs var:Lang.order.status[o.status] ?></td><td><?cs var:o.total ?></td></tr>
  <?cs /each ?></tbody></table><?cs /if ?>
  <h2><?cs var:Lang.acct.profile ?></h2>
  <form id="profile-form" class="form" method="post" action="/account/profile" accept-charset="utf-8">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <p><?cs var:Lang.acct.email ?>: <strong id="acct-email"><?cs var:Page.user.email ?></strong></p>
    <div class="field"><label for="p-name"><?cs var:Lang.acct.name ?></label><input id="p-name" name="name" type="text" required maxlength="100" value="<?cs var:Page.user.name ?>"></div>
    <div class="field"><label for="p-phone"><?cs var:Lang.acct.phone ?></label><input id="p-phone" name="phone" type="tel" maxlength="30" autocomplete="tel" value="<?cs var:Page.user.phone ?>"></div>
    <div class="field"><label for="p-country"><?cs var:Lang.acct.country ?></label><select id="p-country" name="country"><?cs each:k = Page.countries ?><option value="<?cs var:k ?>"<?cs if:k == Page.default_country ?> selected<?cs /if ?>><?cs var:Lang.country[k] ?></option><?cs /each ?></select></div>
    <button type="submit" class="btn"><?cs var:Lang.acct.save ?></button>
  </form>
  <h2><?cs var:Lang.acct.addresses ?></h2>
  <?cs if:subcount(Page.addresses) == 0 ?><p class="empty"><?cs var:Lang.acct.no_addresses ?></p><?cs /if ?>
  <ul class="addresses"><?cs each:a = Page.addresses ?><li><?cs var:a.address ?>, <?cs var:a.postal ?> <?cs var:a.city ?>, <?cs var:Lang.country[a.country] ?>
    <form method="post" action="/account/address/delete" class="inline"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:a.id ?>"><button type="submit" class="link"><?cs var:Lang.acct.delete_addr ?></button></form></li><?cs /each ?></ul>
  <form id="address-form" class="form" method="post" action="/account/address/add" accept-charset="utf-8">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <div class="field"><label for="d-address"><?cs var:Lang.acct.address ?></label><input id="d-address" name="address" type="text" required maxlength="200" autocomplete="street-address"></div>
    <div class="field"><label for="d-city"><?cs var:Lang.acct.city ?></label><input id="d-city" name="city" type="text" required maxlength="100"></div>
    <div class="field"><label for="d-postal"><?cs var:Lang.acct.postal ?></label><input id="d-postal" name="postal_code" type="text" maxlength="20"></div>
    <div class="field"><label for="d-country"><?cs var:Lang.acct.country ?></label><select id="d-country" name="country"><?cs each:k = Page.countries ?><option value="<?cs var:k ?>"<?cs if:k == Page.default_country ?> selected<?cs /if ?>><?cs var:Lang.country[k] ?></option><?cs /each ?></select></div>
    <button type="submit" class="btn"><?cs var:Lang.acct.add ?></button>
  </form>
  <form method="post" action="/account/logout" class="inline"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><button type="submit" class="btn" id="logout"><?cs var:Lang.acct.logout ?></button></form>
</section>
<?cs /def ?>
