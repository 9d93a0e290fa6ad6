<?cs # Sort/price filter form and pager shared by category and search pages. ?>
<?cs def:filters(action) ?>
<form class="filters" action="<?cs var:action ?>" method="get">
  <?cs if:?Page.q ?><input type="hidden" name="q" value="<?cs var:Page.q ?>"><?cs /if ?>
  <label><?cs var:Lang.sort ?>
    <select name="sort">
      <?cs if:?Page.q ?><option value="relevance"<?cs if:Page.sort == "relevance" ?> selected<?cs /if ?>><?cs var:Lang.sort_relevance ?></option><?cs /if ?>
      <option value="new"<?cs if:Page.sort == "new" ?> selected<?cs /if ?>><?cs var:Lang.sort_new ?></option>
      <option value="price"<?cs if:Page.sort == "price" ?> selected<?cs /if ?>><?cs var:Lang.sort_price ?></option>
      <option value="price-desc"<?cs if:Page.sort == "price-desc" ?> selected<?cs /if ?>><?cs var:Lang.sort_price_desc ?></option>
      <option value="name"<?cs if:Page.sort == "name" ?> selected<?cs /if ?>><?cs var:Lang.sort_name ?></option>
    </select>
  </label>
  <fieldset class="range">
    <legend><?cs var:Lang.price_range ?> (<?cs var:Store.currency ?>)</legend>
    <label class="sr-only" for="f-min"><?cs var:Lang.min_price ?></label>
    <input id="f-min" name="min" inputmode="decimal" size="6" placeholder="min" value="<?cs var:Page.min ?>">
    <span aria-hidden="true">–</span>
    <label class="sr-only" for="f-max"><?cs var:Lang.max_price ?></label>
    <input id="f-max" name="max" inputmode="decimal" size="6" placeholder="max" value="<?cs var:Page.max ?>">
  </fieldset>
  <?cs if:?Page.cats.0.slug ?>
  <label><?cs var:Lang.filter_category ?>
    <select name="cat">
      <option value=""><?cs var:Lang.filter_all_categories ?></option>
      <?cs each:k = Page.cats ?><option value="<?cs var:k.slug ?>"<?cs if:Page.cat == k.slug ?> selected<?cs /if ?>><?cs var:k.name ?></option><?cs /each ?>
    </select>
  </label>
  <?cs /if ?>
  <?cs if:?Page.facets.in_stock ?>
  <label><?cs var:Lang.filter_type ?>
    <select name="type">
      <option value=""><?cs var:Lang.filter_any ?></option>
      <?cs each:t = Page.facets.types ?><option value="<?cs var:t.value ?>"<?cs if:Page.type == t.value ?> selected<?cs /if ?>><?cs var:Lang.type[t.value] ?> (<?cs var:t.n ?>)</option><?cs /each ?>
    </select>
  </label>
  <?cs if:?Page.facets.months.0.months || ?Page.months ?>
  <label><?cs var:Lang.filter_months ?>
    <select name="months">
      <option value=""><?cs var:Lang.filter_any ?></option>
      <?cs each:m = Page.facets.months ?><option value="<?cs var:m.months ?>"<?cs if:Page.months == m.months ?> selected<?cs /if ?>><?cs var:m.months ?> <?cs if:m.months == 1 ?><?cs var:Lang.month ?><?cs else ?><?cs var:Lang.months ?><?cs /if ?> (<?cs var:m.n ?>)</option><?cs /each ?>
    </select>
  </label>
  <?cs /if ?>
  <?cs each:g = Page.facets.attrs ?>
  <label><?cs var:g.name ?>
    <select name="<?cs var:g.key ?>">
      <option value=""><?cs var:Lang.filter_any ?></option>
      <?cs each:o = g.options ?><option value="<?cs var:o.value ?>"<?cs if:g.chosen == o.value ?> selected<?cs /if ?>><?cs var:o.label ?> (<?cs var:o.n ?>)</option><?cs /each ?>
    </select>
  </label>
  <?cs /each ?>
  <label class="check"><input type="checkbox" name="stock" value="1"<?cs if:Page.stock ?> checked<?cs /if ?>> <?cs var:Lang.filter_in_stock ?> (<?cs var:Page.facets.in_stock ?>)</label>
  <?cs /if ?>
  <button type="submit"><?cs var:Lang.apply ?></button>
  <?cs if:?Page.min || ?Page.max || ?Page.type || ?Page.stock || ?Page.months || ?Page.cat || ?Page.attr_chosen ?><a class="clear" href="<?cs var:action ?><?cs if:?Page.q ?>?q=<?cs var:url_escape(Page.q) ?><?cs /if ?>"><?cs var:Lang.clear ?></a><?cs /if ?>
</form>
<?cs /def ?>
<?cs def:summary() ?><p class="summary" role="status"><?cs if:Page.total > 0 ?><?cs var:Lang.showing ?> <?cs var:Page.first ?>–<?cs var:Page.last ?> <?cs var:Lang.of ?> <?cs var:Page.total ?><?cs /if ?></p><?cs /def ?>
<?cs def:pager() ?>
<?cs if:Page.pages > 1 ?>
<nav class="pager" aria-label="<?cs var:Lang.pages ?>"><ul>
  <?cs if:?Page.pager.prev ?><li><a rel="prev" href="<?cs var:Page.pager.prev ?>">‹ <?cs var:Lang.prev ?></a></li><?cs /if ?>
  <?cs each:i = Page.pager.items ?><?cs if:i.gap ?><li class="gap" aria-hidden="true">…</li><?cs elif:i.current ?><li><span aria-current="page"><?cs var:i.n ?></span></li><?cs else ?><li><a href="<?cs var:i.href ?>" aria-label="<?cs var:Lang.page ?> <?cs var:i.n ?>"><?cs var:i.n ?></a></li><?cs /if ?><?cs /each ?>
  <?cs if:?Page.pager.next ?><li><a rel="next" href="<?cs var:Page.pager.next ?>"><?cs var:Lang.next ?> ›</a></li><?cs /if ?>
</ul></nav>
<?cs /if ?>
<?cs /def ?>
