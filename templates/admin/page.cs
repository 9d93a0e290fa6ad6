<?cs # One content page version's form: Page.form.{was, slug, lang, title,
      markdown, published, locked, updated}, Page.langs.N, Page.preview
      (the Markdown as it would be saved), Page.errors.N. ?>
<?cs include:"admin/_parts.cs" ?>
<?cs include:"admin/_content.cs" ?>
<?cs def:title() ?><?cs if:?Page.form.was ?><?cs var:Page.form.title ?><?cs else ?><?cs var:Lang.admct.new_page ?><?cs /if ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("content") ?>
  <?cs call:ct_nav("pages") ?>
  <h1><?cs if:?Page.form.was ?><?cs var:Page.form.title ?> <small>(<?cs var:Page.form.lang ?>)</small><?cs else ?><?cs var:Lang.admct.new_page ?><?cs /if ?></h1>
  <?cs call:ct_errors() ?>
  <form method="post" action="/admin/pages/save" class="adm-form" id="page-form">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <?cs if:?Page.form.was ?><input type="hidden" name="was" value="<?cs var:Page.form.was ?>"><?cs /if ?>
    <div class="field"><label for="pg-title"><?cs var:Lang.admct.field.title ?></label><input id="pg-title" name="title" required maxlength="200" lang="<?cs var:Page.form.lang ?>" value="<?cs var:Page.form.title ?>"></div>
    <div class="field"><label for="pg-slug"><?cs var:Lang.admct.field.slug ?></label><input id="pg-slug" name="slug" required maxlength="60" pattern="[a-z0-9]+(-[a-z0-9]+)*" value="<?cs var:Page.form.slug ?>"<?cs if:Page.form.locked ?> readonly<?cs /if ?>><small><?cs var:Lang.admct.slug_help ?></small></div>
    <?cs if:?Page.form.was ?><input type="hidden" name="language" value="<?cs var:Page.form.lang ?>"><p><?cs var:Lang.admct.field.language ?>: <strong><?cs var:Page.form.lang ?></strong></p><?cs else ?>
    <div class="field"><label for="pg-lang"><?cs var:Lang.admct.field.language ?></label><?cs call:ct_lang("pg-lang", Page.form.lang) ?></div><?cs /if ?>
    <div class="field"><label for="pg-md"><?cs var:Lang.admct.field.markdown ?></label><textarea id="pg-md" name="markdown" rows="16" lang="<?cs var:Page.form.lang ?>"><?cs var:Page.form.markdown ?></textarea><small><?cs var:Lang.admct.markdown_help ?></small></div>
    <div class="field"><label><input type="checkbox" name="published" value="1" id="pg-published"<?cs if:Page.form.published == "1" ?> checked<?cs /if ?><?cs if:Page.form.locked ?> disabled<?cs /if ?>> <?cs var:Lang.admct.field.published ?></label><?cs if:Page.form.locked ?><input type="hidden" name="published" value="1"><small><?cs var:Lang.admct.locked_help ?></small><?cs /if ?></div>
    <button type="submit" name="preview" value="1" class="button" id="pg-preview"><?cs var:Lang.admct.preview ?></button>
    <button type="submit" class="button primary" id="pg-save"><?cs var:Lang.admct.save ?></button>
  </form>
  <?cs call:ct_preview() ?>
  <?cs if:?Page.form.updated ?><p><small><?cs var:Lang.content.updated ?>: <?cs var:Page.form.updated ?> · <a href="/page/<?cs var:Page.form.slug ?>?lang=<?cs var:Page.form.lang ?>"><?cs var:Lang.admct.view ?></a></small></p><?cs /if ?>
</section>
<?cs /def ?>
