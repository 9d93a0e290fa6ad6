<?cs # The shop's identity and contact channels (settings shop_legal_name,
      shop_address, shop_phone, shop_whatsapp, shop_hours; Store.* from
      lib/site/site_hooks.c), shown in the footer and on the contact page.
      Each line only when its setting is set.  Included (not a macro) by
      the layout's footer and the contact page, each in its own element. ?>
<address class="identity">
  <?cs if:Store.legal_name ?><span class="legal-name"><?cs var:Store.legal_name ?></span><br><?cs /if ?>
  <?cs if:Store.address ?><span class="address"><?cs var:Store.address ?></span><br><?cs /if ?>
  <?cs if:Store.phone ?><?cs var:Lang.content.phone ?>: <a class="phone" href="tel:<?cs var:Store.phone_tel ?>"><?cs var:Store.phone ?></a><br><?cs /if ?>
  <?cs if:Store.whatsapp_url ?><?cs var:Lang.content.whatsapp ?>: <a class="whatsapp" href="<?cs var:Store.whatsapp_url ?>" rel="noopener"><?cs var:Store.whatsapp ?></a><br><?cs /if ?>
  <?cs if:Store.hours ?><?cs var:Lang.content.hours ?>: <span class="hours"><?cs var:Store.hours ?></span><br><?cs /if ?>
  <a href="mailto:<?cs var:Store.email ?>"><?cs var:Store.email ?></a>
</address>
