<?cs # Content pages: Page.pages.N.{slug, versions.M.{lang,title,published,
      updated,locked}, missing.K.code}. ?>
<?cs include:"admin/_parts.cs" ?>
<?cs include:"admin/_content.cs" ?>
<?cs def:title() ?><?cs var:Lang.admct.pages ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("content") ?>
  <?cs call:ct_nav("pages") ?>
  <h1><?cs var:Lang.admct.pages ?></h1>
  <p><a class="button primary" href="/admin/page" id="page-new"><?cs var:Lang.admct.new_page ?></a></p>
  <?cs if:subcount(Page.pages) == 0 ?><p class="empty"><?cs var:Lang.adm.none ?></p><?cs else ?>
  <div class="adm-table-wrap"><table class="adm-table" id="pages">
  <thead><tr><th scope="col"><?cs var:Lang.admct.field.slug ?></th><th scope="col"><?cs var:Lang.admct.field.language ?></th><th scope="col"><?cs var:Lang.admct.field.title ?></th><th scope="col"><?cs var:Lang.admct.state ?></th><th scope="col"><?cs var:Lang.admct.actions ?></th></tr></thead>
  <tbody><?cs each:p = Page.pages ?><?cs each:v = p.versions ?>
  <tr id="page-<?cs var:p.slug ?>-<?cs var:v.lang ?>"><td data-label="<?cs var:Lang.admct.field.slug ?>"><a href="/page/<?cs var:p.slug ?>?lang=<?cs var:v.lang ?>">/page/<?cs var:p.slug ?></a></td>
    <td data-label="<?cs var:Lang.admct.field.language ?>"><?cs var:v.lang ?></td>
    <td data-label="<?cs var:Lang.admct.field.title ?>"><span lang="<?cs var:v.lang ?>"><?cs var:v.title ?></span><br><small><?cs var:v.updated ?></small></td>
    <td data-label="<?cs var:Lang.admct.state ?>"><?cs if:v.published == "1" ?><?cs var:Lang.admct.published ?><?cs else ?><strong><?cs var:Lang.admct.draft ?></strong><?cs /if ?></td>
    <td data-label="<?cs var:Lang.admct.actions ?>"><a class="button" href="/admin/page/<?cs var:p.slug ?>/<?cs var:v.lang ?>" id="edit-<?cs var:p.slug ?>-<?cs var:v.lang ?>"><?cs var:Lang.admct.edit ?></a>
      <?cs if:v.published != "1" || !v.locked ?><form method="post" action="/admin/pages/publish" class="inline"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="slug" value="<?cs var:p.slug ?>"><input type="hidden" name="language" value="<?cs var:v.lang ?>"><input type="hidden" name="published" value="<?cs if:v.published == "1" ?>0<?cs else ?>1<?cs /if ?>"><button class="button"><?cs if:v.published == "1" ?><?cs var:Lang.admct.unpublish ?><?cs else ?><?cs var:Lang.admct.publish ?><?cs /if ?></button></form><?cs /if ?>
      <?cs if:Page.may.delete && !v.locked ?><form method="post" action="/admin/pages/delete" class="inline" data-confirm="<?cs var:Lang.admct.delete_confirm ?>"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="slug" value="<?cs var:p.slug ?>"><input type="hidden" name="language" value="<?cs var:v.lang ?>"><button class="button"><?cs var:Lang.admct.delete ?></button></form><?cs /if ?></td></tr>
  <?cs /each ?><?cs each:m = p.missing ?>
  <tr><td data-label="<?cs var:Lang.admct.field.slug ?>">/page/<?cs var:p.slug ?></td><td data-label="<?cs var:Lang.admct.field.language ?>"><?cs var:m.code ?></td><td colspan="2"><?cs var:Lang.admct.missing ?></td><td><a class="button" href="/admin/page/<?cs var:p.slug ?>/<?cs var:m.code ?>" id="add-<?cs var:p.slug ?>-<?cs var:m.code ?>"><?cs var:Lang.admct.translate ?></a></td></tr>
  <?cs /each ?><?cs /each ?></tbody></table></div>
  <?cs /if ?>
</section>
<?cs /def ?>
