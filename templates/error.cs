<?cs # Error page for every status (Page.status, Page.status_key, Page.detail,
      Page.errors.N.{field,err,min,max}). ?>
<?cs def:title() ?><?cs var:Lang.status[Page.status_key].title ?><?cs /def ?>
<?cs def:main() ?>
<section class="error-page">
  <p class="code"><?cs var:Page.status ?></p>
  <h1><?cs var:Lang.status[Page.status_key].title ?></h1>
  <p><?cs var:Lang.status[Page.status_key].text ?></p>
  <?cs if:?Page.detail && Page.detail != "invalid" ?><p class="detail"><?cs var:Lang.err[Page.detail] ?></p><?cs /if ?>
  <?cs if:subcount(Page.errors) > 0 ?>
  <div class="errors" role="alert">
    <p><?cs var:Lang.errors_heading ?></p>
    <ul>
    <?cs each:e = Page.errors ?>
      <li><strong><?cs alt:Lang.field[e.field] ?><?cs var:e.field ?><?cs /alt ?></strong> <?cs var:Lang.err[e.err] ?><?cs if:e.err == "int_range" ?> <?cs var:e.min ?> <?cs var:Lang.to ?> <?cs var:e.max ?><?cs /if ?>.</li>
    <?cs /each ?>
    </ul>
  </div>
  <?cs /if ?>
  <p><a class="button" href="/"><?cs var:Lang.back_home ?></a></p>
</section>
<?cs /def ?>
