<?cs # The checkout's country options (a fragment, tmpl.h): the list every ?>
<?cs # language's tree keeps (site_countries_keep), key the chosen code. ?>
<?cs each:k = Countries ?><option value="<?cs var:k.code ?>"<?cs if:key == k.code ?> selected<?cs /if ?>><?cs var:k.name ?> (+<?cs var:k.dial ?>)</option>
<?cs /each ?>
