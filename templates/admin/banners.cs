<?cs # Home trust banners: Page.banners.N.{slot,lang,title,text,position,
      active}, Page.langs.N, Page.errors.N. ?>
<?cs include:"admin/_parts.cs" ?>
<?cs include:"admin/_content.cs" ?>
<?cs def:banner_fields(id, slot, lang, t, x, pos, on, fixed) ?>
<?cs if:fixed ?><input type="hidden" name="slot" value="<?cs var:slot ?>"><input type="hidden" name="language" value="<?cs var:lang ?>"><?cs else ?>
<div class="field"><label for="<?cs var:id ?>-slot"><?cs var:Lang.admct.field.slot ?></label><input id="<?cs var:id ?>-slot" name="slot" required maxlength="40" pattern="[a-z0-9]+(-[a-z0-9]+)*" value="<?cs var:slot ?>"><small><?cs var:Lang.admct.slot_help ?></small></div>
<div class="field"><label for="<?cs var:id ?>-lang"><?cs var:Lang.admct.field.language ?></label><?cs call:ct_lang(id + "-lang", lang) ?></div><?cs /if ?>
<div class="field"><label for="<?cs var:id ?>-t"><?cs var:Lang.admct.field.title ?></label><input id="<?cs var:id ?>-t" name="title" required maxlength="80" value="<?cs var:t ?>"></div>
<div class="field"><label for="<?cs var:id ?>-x"><?cs var:Lang.admct.field.text ?></label><input id="<?cs var:id ?>-x" name="text" maxlength="300" value="<?cs var:x ?>"></div>
<div class="field"><label for="<?cs var:id ?>-pos"><?cs var:Lang.admct.field.position ?></label><input id="<?cs var:id ?>-pos" name="position" inputmode="numeric" value="<?cs var:pos ?>"></div>
<div class="field"><label><input type="checkbox" name="active" value="1" id="<?cs var:id ?>-on"<?cs if:on == "1" ?> checked<?cs /if ?>> <?cs var:Lang.admct.field.active ?></label></div>
<?cs /def ?>
<?cs def:title() ?><?cs var:Lang.admct.banners ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("content") ?>
  <?cs call:ct_nav("banners") ?>
  <h1><?cs var:Lang.admct.banners ?></h1>
  <?cs call:ct_errors() ?>
  <?cs if:subcount(Page.banners) == 0 ?><p class="empty"><?cs var:Lang.adm.none ?></p><?cs /if ?>
  <ul class="adm-tree" id="banner-list"><?cs each:b = Page.banners ?>
  <li id="banner-<?cs var:b.slot ?>-<?cs var:b.lang ?>"><details><summary><span lang="<?cs var:b.lang ?>"><?cs var:b.title ?></span> <small>(<?cs var:b.slot ?>, <?cs var:b.lang ?>, <?cs var:b.position ?>, <?cs if:b.active == "1" ?><?cs var:Lang.admct.on ?><?cs else ?><?cs var:Lang.admct.off ?><?cs /if ?>)</small></summary>
    <form method="post" action="/admin/banners/save" class="adm-form"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
      <?cs call:banner_fields("b" + name(b), b.slot, b.lang, b.title, b.text, b.position, b.active, 1) ?>
      <button class="button primary"><?cs var:Lang.admct.save ?></button></form>
    <?cs if:Page.may.delete ?><form method="post" action="/admin/banners/delete" class="inline" data-confirm="<?cs var:Lang.admct.delete_confirm ?>"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="slot" value="<?cs var:b.slot ?>"><input type="hidden" name="language" value="<?cs var:b.lang ?>"><button class="button"><?cs var:Lang.admct.delete ?></button></form><?cs /if ?>
  </details></li>
  <?cs /each ?></ul>
  <h2><?cs var:Lang.admct.new_banner ?></h2>
  <form method="post" action="/admin/banners/save" class="adm-form" id="banner-new"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <?cs call:banner_fields("bn", "", Page.default_lang, "", "", "0", "1", 0) ?>
    <button class="button primary"><?cs var:Lang.admct.add ?></button></form>
</section>
<?cs /def ?>
