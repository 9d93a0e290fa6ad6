<?cs # One product's form: Page.p.* (values), Page.errors.N, Page.plans.N,
      Page.images.N, Page.files.N (a digital product's downloads, with
      Page.upload_max_kb), Page.cats.N, Page.kinds.N, Page.media.N. ?>
<?cs include:"admin/_parts.cs" ?>
<?cs def:title() ?><?cs if:Page.p.id != "0" ?><?cs var:Page.p.name ?><?cs else ?><?cs var:Lang.cat.new ?><?cs /if ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("products") ?>
  <h1><?cs if:Page.p.id != "0" ?><?cs var:Page.p.name ?><?cs else ?><?cs var:Lang.cat.new ?><?cs /if ?></h1>
  <?cs call:cat_errors() ?>
  <form method="post" action="/admin/product/save" class="adm-form" id="product-form">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <?cs if:Page.p.id != "0" ?><input type="hidden" name="id" value="<?cs var:Page.p.id ?>"><?cs /if ?>
    <div class="field"><label for="p-name"><?cs var:Lang.cat.field.name ?></label><input id="p-name" name="name" required maxlength="200" value="<?cs var:Page.p.name ?>"></div>
    <div class="field"><label for="p-slug"><?cs var:Lang.cat.field.slug ?></label><input id="p-slug" name="slug" required maxlength="120" pattern="[a-z0-9]+(-[a-z0-9]+)*" value="<?cs var:Page.p.slug ?>"><small><?cs var:Lang.cat.slug_help ?></small></div>
    <div class="field"><label for="p-desc"><?cs var:Lang.cat.field.description ?></label><textarea id="p-desc" name="description" rows="5"><?cs var:Page.p.description ?></textarea></div>
    <div class="field"><label for="p-name-fr"><?cs var:Lang.cat.field.name_fr ?> (<?cs var:Page.p.other_lang ?>)</label><input id="p-name-fr" name="name_fr" maxlength="200" lang="<?cs var:Page.p.other_lang ?>" value="<?cs var:Page.p.name_fr ?>"></div>
    <div class="field"><label for="p-desc-fr"><?cs var:Lang.cat.field.description_fr ?> (<?cs var:Page.p.other_lang ?>)</label><textarea id="p-desc-fr" name="description_fr" rows="5" lang="<?cs var:Page.p.other_lang ?>"><?cs var:Page.p.description_fr ?></textarea></div>
    <div class="field"><label for="p-kind"><?cs var:Lang.cat.field.product_kind ?></label><select id="p-kind" name="product_kind"><?cs each:k = Page.kinds ?><option value="<?cs var:k ?>"<?cs if:k == Page.p.kind ?> selected<?cs /if ?>><?cs var:Lang.cat.kind[k] ?></option><?cs /each ?></select></div>
    <div class="field"><label for="p-media"><?cs var:Lang.cat.field.media_type ?></label><select id="p-media" name="media_type"><option value=""><?cs var:Lang.cat.none ?></option><?cs each:m = Page.media ?><option value="<?cs var:m ?>"<?cs if:m == Page.p.media_type ?> selected<?cs /if ?>><?cs var:Lang.cat.media[m] ?></option><?cs /each ?></select></div>
    <div class="field"><label for="p-parent"><?cs var:Lang.cat.field.parent ?></label><input id="p-parent" name="parent" inputmode="numeric" value="<?cs var:Page.p.parent ?>"><small><?cs var:Lang.cat.parent_help ?></small></div>
    <div class="field"><label for="p-position"><?cs var:Lang.cat.field.position ?></label><input id="p-position" name="position" inputmode="numeric" value="<?cs var:Page.p.position ?>"></div>
    <div class="field"><label for="p-cat"><?cs var:Lang.cat.field.category ?></label><select id="p-cat" name="category"><?cs call:cat_options(Page.p.category, Lang.cat.no_category) ?></select></div>
    <div class="field"><label for="p-price"><?cs var:Lang.cat.field.price ?></label><input id="p-price" name="price" required inputmode="decimal" value="<?cs var:Page.p.price ?>"></div>
    <div class="field"><label for="p-compare"><?cs var:Lang.cat.field.compare_at ?></label><input id="p-compare" name="compare_at" inputmode="decimal" value="<?cs var:Page.p.compare_at ?>"></div>
    <div class="field"><label for="p-stock"><?cs var:Lang.cat.field.stock ?></label><input id="p-stock" name="stock" inputmode="numeric" value="<?cs var:Page.p.stock ?>"><small><?cs var:Lang.cat.stock_help ?></small></div>
    <div class="field"><label for="p-sku"><?cs var:Lang.cat.field.sku ?></label><input id="p-sku" name="sku" maxlength="64" value="<?cs var:Page.p.sku ?>"></div>
    <div class="field"><label><input type="checkbox" name="featured" value="1"<?cs if:Page.p.featured == "1" ?> checked<?cs /if ?>> <?cs var:Lang.cat.field.featured ?></label></div>
    <div class="field"><label><input type="checkbox" name="active" value="1" id="p-active"<?cs if:Page.p.active == "1" ?> checked<?cs /if ?>> <?cs var:Lang.cat.field.active ?></label></div>
    <button type="submit" class="button primary" id="save"><?cs var:Lang.cat.save ?></button>
  </form>
  <?cs if:Page.p.id != "0" ?>
  <p id="details-link"><a href="/admin/details/<?cs var:Page.p.id ?>"><?cs var:Lang.admship.details.link ?></a></p>
  <h2 id="images"><?cs var:Lang.cat.images ?></h2>
  <?cs each:im = Page.images ?>
  <div class="adm-image"><img src="<?cs var:im.path ?>" alt="<?cs var:im.alt ?>" width="160">
    <form method="post" action="/admin/product/image/act"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:Page.p.id ?>"><input type="hidden" name="image" value="<?cs var:im.id ?>">
      <label><?cs var:Lang.cat.field.alt ?> <input name="alt" maxlength="200" value="<?cs var:im.alt ?>"></label>
      <button name="image_op" value="save" class="button"><?cs var:Lang.cat.save ?></button> <button name="image_op" value="up" class="button" aria-label="<?cs var:Lang.cat.up ?>">↑</button> <button name="image_op" value="down" class="button" aria-label="<?cs var:Lang.cat.down ?>">↓</button> <button name="image_op" value="delete" class="button"><?cs var:Lang.cat.remove ?></button></form></div>
  <?cs /each ?>
  <form method="post" action="/admin/product/image" enctype="multipart/form-data" class="adm-form" id="image-form">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:Page.p.id ?>">
    <div class="field"><label for="i-file"><?cs var:Lang.cat.image_file ?></label><input id="i-file" type="file" name="file" accept="image/jpeg,image/png,image/webp" required></div>
    <div class="field"><label for="i-alt"><?cs var:Lang.cat.field.alt ?></label><input id="i-alt" name="alt" maxlength="200"></div>
    <button type="submit" class="button" id="upload"><?cs var:Lang.cat.upload ?></button>
  </form>
  <?cs if:Page.p.kind == "digital" ?>
  <h2 id="files"><?cs var:Lang.cat.files ?></h2>
  <?cs if:subcount(Page.files) == 0 ?><p class="empty" id="files-empty"><?cs var:Lang.cat.files_none ?></p><?cs else ?>
  <ul class="adm-list" id="file-list"><?cs each:f = Page.files ?><li id="file-<?cs var:f.id ?>"><?cs var:f.name ?> <small>(<?cs var:f.type ?>, <?cs var:f.size ?> <?cs var:Lang.cat.bytes ?>)</small>
    <form method="post" action="/admin/product/file/remove" class="inline"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:Page.p.id ?>"><input type="hidden" name="media" value="<?cs var:f.id ?>"><button class="button" id="file-remove-<?cs var:f.id ?>"><?cs var:Lang.cat.remove ?></button></form></li><?cs /each ?></ul>
  <?cs /if ?>
  <form method="post" action="/admin/product/file" enctype="multipart/form-data" class="adm-form" id="file-form">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:Page.p.id ?>">
    <div class="field"><label for="f-file"><?cs var:Lang.cat.file_label ?></label><input id="f-file" type="file" name="file" required><small><?cs var:Lang.cat.file_help_a ?> <?cs var:Page.upload_max_kb ?> <?cs var:Lang.cat.file_help_b ?> <code>soukctl media add FILE --product <?cs var:Page.p.slug ?></code></small></div>
    <button type="submit" class="button" id="file-upload"><?cs var:Lang.cat.file_upload ?></button>
  </form>
  <?cs /if ?>
  <h2 id="attrs"><?cs var:Lang.attr.title ?></h2>
  <?cs if:subcount(Page.pattrs) == 0 ?><p class="empty" id="pattrs-empty"><?cs var:Lang.attr.none_apply ?> <a href="/admin/attributes"><?cs var:Lang.attr.manage ?></a></p><?cs else ?>
  <form method="post" action="/admin/product/attrs" class="adm-form" id="attrs-form"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:Page.p.id ?>">
    <?cs each:g = Page.pattrs ?><div class="field"><label for="pa-<?cs var:name(g) ?>"><?cs var:g.name ?></label><select id="pa-<?cs var:name(g) ?>" name="<?cs var:g.key ?>"><option value=""><?cs var:Lang.attr.no_value ?></option><?cs each:o = g.options ?><option value="<?cs var:o.value ?>"<?cs if:g.value == o.value ?> selected<?cs /if ?>><?cs var:o.label ?></option><?cs /each ?></select></div><?cs /each ?>
    <button class="button" id="attrs-save"><?cs var:Lang.attr.save_values ?></button></form>
  <?cs /if ?>
  <?cs if:Page.p.kind == "subscription" ?>
  <h2 id="plans"><?cs var:Lang.cat.plans ?></h2>
  <ul><?cs each:pl = Page.plans ?><li><?cs var:pl.months ?> <?cs var:Lang.cat.months ?>, <?cs var:pl.days ?> <?cs var:Lang.cat.days ?>: <?cs var:pl.price ?><?cs if:pl.active == "1" ?> <form method="post" action="/admin/product/plan" class="inline"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:Page.p.id ?>"><input type="hidden" name="plan" value="<?cs var:pl.id ?>"><button class="button"><?cs var:Lang.cat.remove ?></button></form><?cs else ?> (<?cs var:Lang.cat.archived ?>)<?cs /if ?></li><?cs /each ?></ul>
  <form method="post" action="/admin/product/plan" class="adm-form" id="plan-form"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:Page.p.id ?>">
    <div class="field"><label for="pl-m"><?cs var:Lang.cat.months ?></label><input id="pl-m" name="months" inputmode="numeric"></div>
    <div class="field"><label for="pl-d"><?cs var:Lang.cat.days ?></label><input id="pl-d" name="days" inputmode="numeric"></div>
    <div class="field"><label for="pl-p"><?cs var:Lang.cat.field.price ?></label><input id="pl-p" name="plan_price" inputmode="decimal" required></div>
    <button class="button"><?cs var:Lang.cat.add_plan ?></button></form>
  <?cs /if ?>
  <h2><?cs var:Lang.adm.actions ?></h2>
  <form method="post" action="/admin/product/act" class="inline"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:Page.p.id ?>"><button name="op" value="duplicate" class="button" id="op-duplicate"><?cs var:Lang.cat.op.duplicate ?></button> <?cs if:Page.p.active == "1" ?><button name="op" value="archive" class="button" id="op-archive"><?cs var:Lang.cat.op.archive ?></button><?cs else ?><button name="op" value="activate" class="button" id="op-activate"><?cs var:Lang.cat.op.activate ?></button><?cs /if ?></form>
  <p><a href="/p/<?cs var:Page.p.slug ?>"><?cs var:Lang.cat.view ?></a></p>
  <?cs /if ?>
</section>
<?cs /def ?>
