<?cs include:"partials/card.cs" ?>
<?cs include:"partials/browse.cs" ?>
<?cs def:title() ?><?cs if:?Page.q ?><?cs var:Lang.search_results ?> “<?cs var:Page.q ?>”<?cs else ?><?cs var:Lang.search_title ?><?cs /if ?><?cs /def ?>
<?cs def:main() ?>
<header class="page-head">
  <h1><?cs if:?Page.q && !?Page.problem ?><?cs var:Lang.search_results ?> “<?cs var:Page.q ?>”<?cs else ?><?cs var:Lang.search_title ?><?cs /if ?></h1>
</header>
<?cs if:Page.problem == "empty" ?>
  <p class="notice"><?cs var:Lang.search_empty ?></p>
<?cs elif:Page.problem == "no_words" ?>
  <p class="notice"><?cs var:Lang.search_no_words ?></p>
<?cs elif:Page.problem == "too_long" ?>
  <p class="notice error" role="alert"><?cs var:Lang.search_too_long ?> <?cs var:Page.max_len ?> <?cs var:Lang.characters ?>.</p>
<?cs elif:Page.problem == "bad_chars" ?>
  <p class="notice error" role="alert"><?cs var:Lang.search_bad_chars ?></p>
<?cs elif:Page.problem == "bad_category" ?>
  <p class="notice error" role="alert"><?cs var:Lang.search_bad_category ?></p>
<?cs else ?>
  <?cs if:?Page.corrected ?>
  <p class="notice"><?cs var:Lang.search_instead ?> “<?cs var:Page.q ?>”. <?cs var:Lang.search_corrected ?> “<strong><?cs var:Page.corrected ?></strong>”.</p>
  <?cs /if ?>
  <div class="toolbar">
    <?cs call:summary() ?>
    <?cs call:filters("/search") ?>
  </div>
  <?cs if:?Page.products_html ?>
    <?cs call:grid(Page.products_html) ?>
    <?cs call:pager() ?>
  <?cs else ?>
    <div class="empty">
      <p><strong><?cs var:Lang.search_none ?></strong></p>
      <p><?cs var:Lang.search_tips ?></p>
    </div>
    <?cs if:?Page.suggest_html ?>
    <section aria-labelledby="h-suggest">
      <h2 id="h-suggest"><?cs var:Lang.suggest_heading ?></h2>
      <?cs call:grid(Page.suggest_html) ?>
    </section>
    <?cs /if ?>
  <?cs /if ?>
<?cs /if ?>
<?cs if:Page.problem ?>
<form class="search-big" action="/search" method="get" role="search">
  <label for="q2" class="sr-only"><?cs var:Lang.search_label ?></label>
  <input id="q2" name="q" type="search" maxlength="200" placeholder="<?cs var:Lang.search_placeholder ?>">
  <button type="submit"><?cs var:Lang.search ?></button>
</form>
<?cs /if ?>
<?cs /def ?>
