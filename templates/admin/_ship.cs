<?cs # Shared by the delivery pages (cgi-bin/parts/admin/shipping.c,
      details.c): a method's rule in words, its row, the form's errors. ?>
<?cs def:ship_rule(r) ?><?cs var:Lang.admship.kind[r.kind] ?>: <?cs var:r.base_shown ?><?cs if:r.kind == "quantity" && r.step ?> + <?cs var:r.step_shown ?> <?cs var:Lang.admship.per_unit ?><?cs elif:r.kind == "weight" ?> <?cs var:Lang.admship.up_to ?> <?cs var:r.grams ?> g + <?cs var:r.step_shown ?> <?cs var:Lang.admship.per_grams ?> <?cs var:r.grams ?> g<?cs /if ?><?cs if:?r.free_shown ?>, <?cs var:Lang.admship.free_from_short ?> <?cs var:r.free_shown ?><?cs /if ?><?cs /def ?>
<?cs def:ship_rates(list, id) ?>
<?cs if:subcount(list) == 0 ?><p class="empty" id="<?cs var:id ?>-empty"><?cs var:Lang.admship.no_rates ?></p><?cs else ?>
<ul class="adm-list" id="<?cs var:id ?>"><?cs each:r = list ?>
<li id="rate-<?cs var:r.id ?>"<?cs if:r.active != "1" ?> class="disabled"<?cs /if ?>><a href="/admin/shipping/rate/<?cs var:r.id ?>"><strong><?cs var:r.shown ?></strong></a><?cs if:r.active != "1" ?> <small>(<?cs var:Lang.admship.off ?>)</small><?cs /if ?><br><?cs call:ship_rule(r) ?> · <?cs call:ship_days(r.min_days, r.max_days) ?></li>
<?cs /each ?></ul><?cs /if ?>
<?cs /def ?>
<?cs def:ship_errors() ?><?cs if:subcount(Page.errors) > 0 ?>
<div class="errors" role="alert" id="form-errors"><p><?cs var:Lang.errors_heading ?></p><ul>
<?cs each:e = Page.errors ?><li><?cs if:e.err == "area" && ?Page.bad ?><strong><?cs var:Page.bad ?></strong> <?cs /if ?><?cs var:Lang.admship.err[e.err] ?></li><?cs /each ?>
</ul></div><?cs /if ?><?cs /def ?>
