<?cs # Shared by the content pages of the back office (admin/pages.cs,
      page.cs, faq.cs, banners.cs): the sub-menu, errors (Page.errors.N:
      a key's validation error, or err "content" with the field
      content.h refused), a language select. ?>
<?cs def:ct_nav(here) ?>
<nav class="adm-subnav" aria-label="<?cs var:Lang.admct.menu ?>">
  <a href="/admin/pages"<?cs if:here == "pages" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.admct.pages ?></a>
  <a href="/admin/faq"<?cs if:here == "faq" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.admct.faq ?></a>
  <a href="/admin/banners"<?cs if:here == "banners" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.admct.banners ?></a>
</nav>
<?cs /def ?>
<?cs def:ct_errors() ?><?cs if:subcount(Page.errors) > 0 ?>
<div class="errors" role="alert" id="form-errors"><p><?cs var:Lang.errors_heading ?></p><ul>
<?cs each:e = Page.errors ?><li><?cs if:e.err == "content" ?><?cs var:Lang.admct.refused[e.field] ?><?cs else ?><strong><?cs alt:Lang.admct.field[e.field] ?><?cs var:e.field ?><?cs /alt ?></strong> <?cs var:Lang.err[e.err] ?>.<?cs /if ?></li><?cs /each ?>
</ul></div><?cs /if ?><?cs /def ?>
<?cs def:ct_lang(id, sel) ?><select id="<?cs var:id ?>" name="language"><?cs each:l = Page.langs ?><option value="<?cs var:l.code ?>"<?cs if:l.code == sel ?> selected<?cs /if ?>><?cs var:l.name ?></option><?cs /each ?></select><?cs /def ?>
<?cs def:ct_preview() ?><?cs if:?Page.preview ?>
<h2 id="preview-heading"><?cs var:Lang.admct.preview_heading ?></h2>
<div class="prose content-preview" id="preview" lang="<?cs var:Page.preview_lang ?>"><?cs uvar:Page.preview ?></div><?cs # souk:raw-ok: rendered by content_preview() with libcmark, raw HTML off and only safe links, as it will be saved (lib/store/markup.c) ?>
<?cs /if ?><?cs /def ?>
