<?cs # FAQ entries: Page.faq.N.{id,lang,category,question,answer,position},
      Page.langs.N, Page.form.* (a refused or previewed form), Page.preview
      (its answer rendered, shown under its form), Page.errors.N. ?>
<?cs include:"admin/_parts.cs" ?>
<?cs include:"admin/_content.cs" ?>
<?cs def:faq_fields(id, lang, cat, q, a, pos) ?>
<div class="field"><label for="<?cs var:id ?>-lang"><?cs var:Lang.admct.field.language ?></label><?cs call:ct_lang(id + "-lang", lang) ?></div>
<div class="field"><label for="<?cs var:id ?>-cat"><?cs var:Lang.admct.field.category ?></label><input id="<?cs var:id ?>-cat" name="category" required maxlength="100" value="<?cs var:cat ?>"></div>
<div class="field"><label for="<?cs var:id ?>-q"><?cs var:Lang.admct.field.question ?></label><input id="<?cs var:id ?>-q" name="question" required maxlength="300" value="<?cs var:q ?>"></div>
<div class="field"><label for="<?cs var:id ?>-a"><?cs var:Lang.admct.field.answer ?></label><textarea id="<?cs var:id ?>-a" name="answer" rows="5" required><?cs var:a ?></textarea><small><?cs var:Lang.admct.markdown_help ?></small></div>
<div class="field"><label for="<?cs var:id ?>-pos"><?cs var:Lang.admct.field.position ?></label><input id="<?cs var:id ?>-pos" name="position" inputmode="numeric" value="<?cs var:pos ?>"></div>
<?cs /def ?>
<?cs def:title() ?><?cs var:Lang.admct.faq ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("content") ?>
  <?cs call:ct_nav("faq") ?>
  <h1><?cs var:Lang.admct.faq ?></h1>
  <?cs call:ct_errors() ?>
  <?cs if:subcount(Page.faq) == 0 ?><p class="empty"><?cs var:Lang.adm.none ?></p><?cs /if ?>
  <ul class="adm-tree" id="faq-entries"><?cs each:f = Page.faq ?>
  <li id="faq-<?cs var:f.id ?>"><details<?cs if:Page.form.id == f.id ?> open<?cs /if ?>><summary><span lang="<?cs var:f.lang ?>"><?cs var:f.question ?></span> <small>(<?cs var:f.lang ?>, <?cs var:f.category ?>, <?cs var:f.position ?>)</small></summary>
    <form method="post" action="/admin/faq/save" class="adm-form"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:f.id ?>">
      <?cs call:faq_fields("f" + f.id, f.lang, f.category, f.question, f.answer, f.position) ?>
      <button type="submit" name="preview" value="1" class="button" id="f<?cs var:f.id ?>-preview"><?cs var:Lang.admct.preview ?></button>
      <button type="submit" class="button primary"><?cs var:Lang.admct.save ?></button></form>
    <?cs if:Page.form.id == f.id ?><?cs call:ct_preview() ?><?cs /if ?>
    <?cs if:Page.may.delete ?><form method="post" action="/admin/faq/delete" class="inline" data-confirm="<?cs var:Lang.admct.delete_confirm ?>"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:f.id ?>"><button class="button"><?cs var:Lang.admct.delete ?></button></form><?cs /if ?>
  </details></li>
  <?cs /each ?></ul>
  <h2><?cs var:Lang.admct.new_faq ?></h2>
  <form method="post" action="/admin/faq/save" class="adm-form" id="faq-new"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <?cs if:Page.form.id == "0" ?><?cs call:faq_fields("fn", Page.form.lang, Page.form.category, Page.form.question, Page.form.answer, Page.form.position) ?><?cs else ?><?cs call:faq_fields("fn", Page.default_lang, "", "", "", "0") ?><?cs /if ?>
    <button type="submit" name="preview" value="1" class="button" id="fn-preview"><?cs var:Lang.admct.preview ?></button>
    <button type="submit" class="button primary"><?cs var:Lang.admct.add ?></button></form>
  <?cs if:Page.form.id == "0" ?><?cs call:ct_preview() ?><?cs /if ?>
</section>
<?cs /def ?>
