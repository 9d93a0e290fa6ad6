<?cs # The category bar of every page: a fragment (tmpl.h), so only Nav.* ?>
<?cs # and Lang.*; key is the slug of the page's top category (aria-current). ?>
<nav class="cats" aria-label="<?cs var:Lang.categories ?>">
    <ul class="wrap">
    <?cs each:n = Nav ?><li><a href="/c/<?cs var:n.slug ?>"<?cs if:key == n.slug ?> aria-current="true"<?cs /if ?>><?cs var:n.name ?></a></li>
    <?cs /each ?></ul>
</nav>
