<?cs # The category tree: Page.cats.N.{id,name,slug,depth,parent,position,
      listed}, Page.errors.N. ?>
<?cs include:"admin/_parts.cs" ?>
<?cs def:title() ?><?cs var:Lang.cat.categories ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("categories") ?>
  <h1><?cs var:Lang.cat.categories ?></h1>
  <?cs call:cat_errors() ?>
  <ul class="adm-tree" id="tree"><?cs each:k = Page.cats ?>
  <li style="margin-left: <?cs var:k.depth ?>em"><details><summary><?cs var:k.name ?> <small>(<?cs var:k.slug ?>, <?cs var:k.listed ?> <?cs var:Lang.cat.listed ?>)</small></summary>
    <form method="post" action="/admin/category/save" class="adm-form"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:k.id ?>">
      <div class="field"><label for="c<?cs var:k.id ?>-n"><?cs var:Lang.cat.field.name ?></label><input id="c<?cs var:k.id ?>-n" name="name" required maxlength="200" value="<?cs var:k.name ?>"></div>
      <div class="field"><label for="c<?cs var:k.id ?>-s"><?cs var:Lang.cat.field.slug ?></label><input id="c<?cs var:k.id ?>-s" name="slug" required maxlength="120" value="<?cs var:k.slug ?>"></div>
      <div class="field"><label for="c<?cs var:k.id ?>-p"><?cs var:Lang.cat.field.parent_cat ?></label><select id="c<?cs var:k.id ?>-p" name="parent"><?cs call:cat_options(k.parent, Lang.cat.top) ?></select></div>
      <div class="field"><label for="c<?cs var:k.id ?>-o"><?cs var:Lang.cat.field.position ?></label><input id="c<?cs var:k.id ?>-o" name="position" inputmode="numeric" value="<?cs var:k.position ?>"></div>
      <button class="button"><?cs var:Lang.cat.save ?></button></form></details></li>
  <?cs /each ?></ul>
  <h2><?cs var:Lang.cat.new_category ?></h2>
  <form method="post" action="/admin/category/save" class="adm-form" id="category-new"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <div class="field"><label for="cn-n"><?cs var:Lang.cat.field.name ?></label><input id="cn-n" name="name" required maxlength="200"></div>
    <div class="field"><label for="cn-s"><?cs var:Lang.cat.field.slug ?></label><input id="cn-s" name="slug" required maxlength="120"></div>
    <div class="field"><label for="cn-p"><?cs var:Lang.cat.field.parent_cat ?></label><select id="cn-p" name="parent"><?cs call:cat_options("0", Lang.cat.top) ?></select></div>
    <div class="field"><label for="cn-o"><?cs var:Lang.cat.field.position ?></label><input id="cn-o" name="position" inputmode="numeric" value="0"></div>
    <button class="button primary"><?cs var:Lang.cat.create ?></button></form>
</section>
<?cs /def ?>
