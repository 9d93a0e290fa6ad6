<?cs # The customer list: Page.q, Page.role (filters), Page.customers.N.
      {id,name,email,phone,role,verified,disabled,orders,ltv,last},
      Page.next (keyset), Page.done. ?>
<?cs include:"admin/_parts.cs" ?>
<?cs include:"admin/_customer.cs" ?>
<?cs def:title() ?><?cs var:Lang.admcust.title ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("customers") ?>
  <h1><?cs var:Lang.admcust.title ?></h1>
  <?cs call:cust_done() ?>
  <?cs if:Page.may.customer_act ?><p><a class="button primary" id="new-customer" href="/admin/customers/new"><?cs var:Lang.admcust.new ?></a></p><?cs /if ?>
  <form class="adm-filter" method="get" action="/admin/customers" role="search">
    <div class="field"><label for="f-q"><?cs var:Lang.admcust.search ?></label><input id="f-q" name="q" type="search" maxlength="254" value="<?cs var:Page.q ?>"></div>
    <div class="field"><label for="f-role"><?cs var:Lang.admcust.role ?></label><select id="f-role" name="role"><option value=""><?cs var:Lang.adm.any ?></option><?cs each:r = Lang.admcust.roles ?><option value="<?cs name:r ?>"<?cs if:Page.role == name(r) ?> selected<?cs /if ?>><?cs var:r ?></option><?cs /each ?></select></div>
    <button type="submit" class="button"><?cs var:Lang.adm.apply ?></button> <a href="/admin/customers"><?cs var:Lang.adm.reset ?></a>
  </form>
  <?cs if:subcount(Page.customers) == 0 ?><p class="empty" id="customers-empty"><?cs var:Lang.adm.none ?></p><?cs else ?>
  <div class="adm-table-wrap"><table class="adm-table" id="customers">
  <thead><tr><th scope="col"><?cs var:Lang.admcust.number ?></th><th scope="col"><?cs var:Lang.admcust.name ?></th><th scope="col"><?cs var:Lang.admcust.email ?></th><th scope="col"><?cs var:Lang.admcust.verified ?></th><th scope="col"><?cs var:Lang.admcust.role ?></th><th scope="col"><?cs var:Lang.admcust.orders ?></th><th scope="col"><?cs var:Lang.admcust.ltv ?></th><th scope="col"><?cs var:Lang.admcust.last ?></th><th scope="col"><?cs var:Lang.admcust.state ?></th></tr></thead>
  <tbody><?cs each:u = Page.customers ?><tr<?cs if:u.disabled == "1" ?> class="disabled"<?cs /if ?>>
  <td data-label="<?cs var:Lang.admcust.number ?>"><a href="/admin/customer/<?cs var:u.id ?>">#<?cs var:u.id ?></a></td>
  <td data-label="<?cs var:Lang.admcust.name ?>"><a href="/admin/customer/<?cs var:u.id ?>"><?cs if:u.name ?><?cs var:u.name ?><?cs else ?><?cs var:Lang.admcust.no_name ?><?cs /if ?></a><?cs if:u.phone ?><br><small><?cs var:u.phone ?></small><?cs /if ?></td>
  <td data-label="<?cs var:Lang.admcust.email ?>"><?cs var:u.email ?></td>
  <td data-label="<?cs var:Lang.admcust.verified ?>"><?cs if:u.verified == "1" ?><?cs var:Lang.admcust.yes ?><?cs else ?><?cs var:Lang.admcust.no ?><?cs /if ?></td>
  <td data-label="<?cs var:Lang.admcust.role ?>"><?cs var:Lang.admcust.roles[u.role] ?></td>
  <td data-label="<?cs var:Lang.admcust.orders ?>"><?cs var:u.orders ?></td>
  <td data-label="<?cs var:Lang.admcust.ltv ?>"><?cs var:u.ltv ?></td>
  <td data-label="<?cs var:Lang.admcust.last ?>"><?cs if:u.last ?><?cs var:u.last ?><?cs else ?>—<?cs /if ?></td>
  <td data-label="<?cs var:Lang.admcust.state ?>"><?cs if:u.disabled == "1" ?><strong class="warn"><?cs var:Lang.admcust.disabled ?></strong><?cs else ?><?cs var:Lang.admcust.active ?><?cs /if ?></td>
  </tr><?cs /each ?></tbody>
  </table></div>
  <?cs /if ?>
  <?cs if:?Page.next ?><p><a id="next" rel="next" href="/admin/customers?<?cs if:Page.q ?>q=<?cs var:url_escape(Page.q) ?>&amp;<?cs /if ?><?cs if:Page.role ?>role=<?cs var:url_escape(Page.role) ?>&amp;<?cs /if ?>before=<?cs var:Page.next ?>"><?cs var:Lang.admcust.older ?></a></p><?cs /if ?>
</section>
<?cs /def ?>
