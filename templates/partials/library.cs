<?cs # library_list(items): downloads grouped under their series and
      season headings (items come sorted: films, then series, season,
      episode).  Used by the library and the order page. ?>
<?cs def:library_list(items) ?>
<?cs set:prev_series = "" ?><?cs set:prev_season = "" ?>
<ul class="library-list">
<?cs each:it = items ?>
  <?cs if:it.series != prev_series && it.series != "" ?><li class="lib-series"><h2><?cs var:it.series ?></h2></li><?cs set:prev_series = it.series ?><?cs set:prev_season = "" ?><?cs /if ?>
  <?cs if:it.season != prev_season && it.season != "" ?><li class="lib-season"><h3><?cs var:it.season ?></h3></li><?cs set:prev_season = it.season ?><?cs /if ?>
  <li class="lib-item">
    <?cs if:it.image ?><img src="<?cs var:it.image ?>" alt="" width="48" height="72" loading="lazy"><?cs /if ?>
    <a class="lib-name" href="/p/<?cs var:url_escape(it.slug) ?>"><?cs var:it.name ?></a>
    <span class="lib-file"><?cs var:it.file ?></span>
    <?cs if:it.left >= 0 ?><span class="lib-left"><?cs var:it.left ?> <?cs var:Lang.library.left ?></span><?cs /if ?>
    <a class="button primary lib-download" href="<?cs var:it.url ?>" rel="nofollow"><?cs var:Lang.library.download ?></a>
  </li>
<?cs /each ?>
</ul>
<?cs /def ?>
