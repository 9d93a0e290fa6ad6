<?cs # My library (cgi-bin/account.c page_library): Page.library.N
      (library_hdf.h library_put), films first, then each series by
      season and episode; each row has a fresh download link. ?>
<?cs include:"partials/library.cs" ?>
<?cs def:title() ?><?cs var:Lang.acct.library ?><?cs /def ?>
<?cs def:main() ?>
<section class="account library">
  <h1><?cs var:Lang.acct.library ?></h1>
  <?cs if:Page.library_count == 0 ?>
  <p class="empty" id="acct-empty"><?cs var:Lang.acct.no_library ?></p>
  <?cs else ?>
  <?cs call:library_list(Page.library) ?>
  <?cs /if ?>
  <p><a href="/account"><?cs var:Lang.acct.empty_back ?></a></p>
</section>
<?cs /def ?>
