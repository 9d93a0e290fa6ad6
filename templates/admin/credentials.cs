<?cs # Credential pools (cgi-bin/parts/admin/subs.c): Page.pools.N.{slug,
      name,access,free,given,waiting}; Page.upload_error, Page.upload_line
      after a refused upload. ?>
<?cs include:"admin/_parts.cs" ?>
<?cs def:title() ?><?cs var:Lang.adm.sub.pools ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("credentials") ?>
  <h1><?cs var:Lang.adm.sub.pools ?></h1>
  <?cs if:subcount(Page.pools) == 0 ?><p class="empty"><?cs var:Lang.adm.none ?></p><?cs else ?>
  <div class="adm-table-wrap"><table class="adm-table" id="pools">
  <thead><tr><th scope="col"><?cs var:Lang.adm.sub.product ?></th><th scope="col"><?cs var:Lang.adm.sub.delivery ?></th><th scope="col"><?cs var:Lang.adm.sub.free ?></th><th scope="col"><?cs var:Lang.adm.sub.given ?></th><th scope="col"><?cs var:Lang.adm.sub.waiting ?></th></tr></thead>
  <tbody><?cs each:p = Page.pools ?><tr id="pool-<?cs var:p.slug ?>"><td data-label="<?cs var:Lang.adm.sub.product ?>"><?cs var:p.name ?><br><small><?cs var:p.slug ?></small></td><td data-label="<?cs var:Lang.adm.sub.delivery ?>"><?cs var:p.access ?></td><td data-label="<?cs var:Lang.adm.sub.free ?>" class="pool-free"><?cs var:p.free ?></td><td data-label="<?cs var:Lang.adm.sub.given ?>"><?cs var:p.given ?></td><td data-label="<?cs var:Lang.adm.sub.waiting ?>" class="pool-waiting"><?cs var:p.waiting ?></td></tr><?cs /each ?></tbody>
  </table></div>
  <?cs /if ?>
  <h2><?cs var:Lang.adm.sub.upload ?></h2>
  <?cs if:?Page.upload_error ?><p class="notice error" id="upload-error" role="alert"><?cs var:Lang.adm.sub.upload_err[Page.upload_error] ?><?cs if:?Page.upload_line ?> (<?cs var:Lang.adm.sub.line ?> <?cs var:Page.upload_line ?>)<?cs /if ?></p><?cs /if ?>
  <form method="post" action="/admin/credentials" enctype="multipart/form-data" class="form">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <p class="hint"><?cs var:Lang.adm.sub.upload_help ?></p>
    <div class="field"><label for="c-product"><?cs var:Lang.adm.sub.product ?></label><select id="c-product" name="product" required><?cs each:p = Page.pools ?><option value="<?cs var:p.slug ?>"><?cs var:p.name ?></option><?cs /each ?></select></div>
    <div class="field"><label for="c-csv"><?cs var:Lang.adm.sub.file ?></label><input id="c-csv" name="csv" type="file" accept=".csv,text/csv" required></div>
    <button type="submit" class="button primary"><?cs var:Lang.adm.sub.add ?></button>
  </form>
</section>
<?cs /def ?>
