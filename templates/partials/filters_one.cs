<?cs # The category page's filter form alone: lib/site/part_cache.c keeps it rendered, so it reads only Lang.*, Store.* and the Page values of cgi-bin/catalog.c's filter_inputs. ?>
<?cs include:"partials/browse.cs" ?>
<?cs call:filters(Page.filters_action) ?>
