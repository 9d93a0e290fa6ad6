<?cs # To the admins when an order takes a product to the low-stock
      threshold or below (lib/store/stock_alert.c): the catalog's name,
      the units left, the threshold and the product's admin page.  Plain
      text (TMPL_TEXT). ?><?cs var:Lang.stock_alert.intro ?>

<?cs var:Mail.product ?>
<?cs var:Lang.stock_alert.left ?> <?cs var:Mail.stock ?> (<?cs var:Lang.stock_alert.threshold ?> <?cs var:Mail.threshold ?>)
<?cs var:Mail.url ?>

<?cs var:Lang.stock_alert.once ?>

<?cs var:Mail.store ?>
