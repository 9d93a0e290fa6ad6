<?cs # Catalog CSV import (cgi-bin/parts/admin/catalog_csv.c): the form;
      after a POST Page.import.{rows,created,updated,problems,applied,more,
      more_changes}, Page.changes.N.{line,slug,name,what} (no problems) or
      Page.problems.N.{line,col,msg}; Page.import_error after a refused
      upload (file, large, mode). ?>
<?cs include:"admin/_parts.cs" ?>
<?cs def:title() ?><?cs var:Lang.cat.import.title ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("products") ?>
  <h1><?cs var:Lang.cat.import.title ?></h1>
  <p><a class="button" id="export-csv" href="/admin/products/export" download><?cs var:Lang.cat.import.export ?></a></p>
  <?cs if:?Page.import_error ?><p class="notice error" id="import-error" role="alert"><?cs var:Lang.cat.import.err[Page.import_error] ?></p><?cs /if ?>
  <?cs if:?Page.import.rows ?>
  <?cs if:Page.import.problems > 0 ?>
  <div class="notice error" id="import-problems" role="alert"><p><?cs var:Page.import.problems ?> <?cs var:Lang.cat.import.problems ?></p>
  <ul><?cs each:p = Page.problems ?><li class="import-problem" data-line="<?cs var:p.line ?>"><?cs var:Lang.cat.import.line ?> <?cs var:p.line ?>: <code><?cs var:p.col ?></code>: <?cs var:p.msg ?></li><?cs /each ?></ul>
  <?cs if:?Page.import.more ?><p><?cs var:Page.import.more ?> <?cs var:Lang.cat.import.more ?></p><?cs /if ?></div>
  <?cs else ?>
  <p class="notice ok" id="import-result" role="status"><?cs if:Page.import.applied == "1" ?><?cs var:Lang.cat.import.applied ?><?cs else ?><?cs var:Lang.cat.import.preview_done ?><?cs /if ?> <?cs var:Page.import.created ?> <?cs var:Lang.cat.import.created ?>, <?cs var:Page.import.updated ?> <?cs var:Lang.cat.import.updated ?>.</p>
  <div class="adm-table-wrap"><table class="adm-table" id="import-changes">
  <thead><tr><th scope="col"><?cs var:Lang.cat.import.line ?></th><th scope="col"><?cs var:Lang.cat.field.slug ?></th><th scope="col"><?cs var:Lang.cat.field.name ?></th><th scope="col"><?cs var:Lang.adm.action ?></th></tr></thead>
  <tbody><?cs each:ch = Page.changes ?><tr class="import-<?cs var:ch.what ?>"><td data-label="<?cs var:Lang.cat.import.line ?>"><?cs var:ch.line ?></td><td data-label="<?cs var:Lang.cat.field.slug ?>"><?cs var:ch.slug ?></td><td data-label="<?cs var:Lang.cat.field.name ?>"><?cs var:ch.name ?></td><td data-label="<?cs var:Lang.adm.action ?>"><?cs var:Lang.cat.import.row[ch.what] ?></td></tr><?cs /each ?></tbody></table></div>
  <?cs if:?Page.import.more_changes ?><p><?cs var:Page.import.more_changes ?> <?cs var:Lang.cat.import.more_rows ?></p><?cs /if ?>
  <?cs /if ?>
  <?cs /if ?>
  <form method="post" action="/admin/products/import" enctype="multipart/form-data" class="form" id="import-form">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <p class="hint"><?cs var:Lang.cat.import.help ?></p>
    <div class="field"><label for="i-csv"><?cs var:Lang.cat.import.file ?></label><input id="i-csv" name="csv" type="file" accept=".csv,text/csv" required></div>
    <button type="submit" class="button" name="mode" value="preview" id="import-preview"><?cs var:Lang.cat.import.preview ?></button>
    <button type="submit" class="button primary" name="mode" value="apply" id="import-apply"><?cs var:Lang.cat.import.apply ?></button>
  </form>
</section>
<?cs /def ?>
