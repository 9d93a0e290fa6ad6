<?cs # Attributes the admin defines: Page.attrs.N.{id,slug,name,name_en,
      name_fr,category,category_name,position,options.M.{id,slug,label_en,
      label_fr,position,products}}, Page.cats.N, Page.errors.N. ?>
<?cs include:"admin/_parts.cs" ?>
<?cs def:title() ?><?cs var:Lang.attr.title ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:attr_fields(p, slug, en, fr, pos) ?>
      <div class="field"><label for="<?cs var:p ?>-s"><?cs var:Lang.attr.slug ?></label><input id="<?cs var:p ?>-s" name="slug" required maxlength="60" pattern="[a-z0-9]+(-[a-z0-9]+)*" value="<?cs var:slug ?>"></div>
      <div class="field"><label for="<?cs var:p ?>-en"><?cs var:Lang.attr.name_en ?></label><input id="<?cs var:p ?>-en" name="name_en" maxlength="100" value="<?cs var:en ?>"></div>
      <div class="field"><label for="<?cs var:p ?>-fr"><?cs var:Lang.attr.name_fr ?></label><input id="<?cs var:p ?>-fr" name="name_fr" maxlength="100" value="<?cs var:fr ?>"></div>
      <div class="field"><label for="<?cs var:p ?>-o"><?cs var:Lang.attr.position ?></label><input id="<?cs var:p ?>-o" name="position" inputmode="numeric" value="<?cs var:pos ?>"></div>
<?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("attributes") ?>
  <h1><?cs var:Lang.attr.title ?></h1>
  <p><?cs var:Lang.attr.intro ?></p>
  <?cs call:cat_errors() ?>
  <?cs if:subcount(Page.attrs) == 0 ?><p class="empty" id="attrs-empty"><?cs var:Lang.attr.none ?></p><?cs /if ?>
  <?cs each:a = Page.attrs ?>
  <section class="adm-attr" id="attr-<?cs var:a.id ?>">
    <h2><?cs var:a.name ?> <small>(<?cs var:a.slug ?>, <?cs if:a.category == "0" ?><?cs var:Lang.attr.global ?><?cs else ?><?cs var:a.category_name ?><?cs /if ?>)</small></h2>
    <details><summary><?cs var:Lang.attr.edit ?></summary>
    <form method="post" action="/admin/attribute/save" class="adm-form"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:a.id ?>">
      <?cs call:attr_fields("a" + a.id, a.slug, a.name_en, a.name_fr, a.position) ?>
      <div class="field"><label for="a<?cs var:a.id ?>-c"><?cs var:Lang.attr.category ?></label><select id="a<?cs var:a.id ?>-c" name="category"><?cs call:cat_options(a.category, Lang.attr.global) ?></select></div>
      <button class="button"><?cs var:Lang.attr.save ?></button></form>
    <form method="post" action="/admin/attribute/delete" class="inline"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:a.id ?>"><button class="button" id="attr-delete-<?cs var:a.id ?>"><?cs var:Lang.attr.delete ?></button> <small><?cs var:Lang.attr.delete_help ?></small></form>
    </details>
    <h3><?cs var:Lang.attr.options ?></h3>
    <ul class="adm-list"><?cs each:o = a.options ?>
    <li id="opt-<?cs var:o.id ?>"><details><summary><?cs var:o.label_en ?><?cs if:o.label_fr ?> / <?cs var:o.label_fr ?><?cs /if ?> <small>(<?cs var:o.slug ?>, <?cs var:o.products ?> <?cs var:Lang.attr.products ?>)</small></summary>
      <form method="post" action="/admin/attribute/option" class="adm-form"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="attribute" value="<?cs var:a.id ?>"><input type="hidden" name="option" value="<?cs var:o.id ?>">
        <?cs call:attr_fields("o" + o.id, o.slug, o.label_en, o.label_fr, o.position) ?>
        <button class="button"><?cs var:Lang.attr.save ?></button></form>
      <form method="post" action="/admin/attribute/option/delete" class="inline"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="attribute" value="<?cs var:a.id ?>"><input type="hidden" name="option" value="<?cs var:o.id ?>"><button class="button"><?cs var:Lang.attr.delete_option ?></button></form>
    </details></li><?cs /each ?></ul>
    <form method="post" action="/admin/attribute/option" class="adm-form" id="option-new-<?cs var:a.id ?>"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="attribute" value="<?cs var:a.id ?>">
      <?cs call:attr_fields("on" + a.id, "", "", "", "0") ?>
      <button class="button"><?cs var:Lang.attr.add_option ?></button></form>
  </section>
  <?cs /each ?>
  <h2><?cs var:Lang.attr.new ?></h2>
  <form method="post" action="/admin/attribute/save" class="adm-form" id="attr-new"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <?cs call:attr_fields("an", "", "", "", "0") ?>
    <div class="field"><label for="an-c"><?cs var:Lang.attr.category ?></label><select id="an-c" name="category"><?cs call:cat_options("0", Lang.attr.global) ?></select></div>
    <button class="button primary"><?cs var:Lang.attr.create ?></button></form>
</section>
<?cs /def ?>
