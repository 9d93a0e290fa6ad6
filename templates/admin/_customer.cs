<?cs # Shared by the customer pages: the notice of the last action
      (Page.done) and a refusal (Page.cust_error). ?>
<?cs def:cust_done() ?>
<?cs if:?Page.done ?><p class="notice ok" id="cust-done" role="status"><?cs var:Lang.admcust.done[Page.done] ?></p><?cs /if ?>
<?cs if:?Page.cust_error ?><p class="notice error" id="cust-error" role="alert"><?cs var:Lang.admcust.err[Page.cust_error] ?></p><?cs /if ?>
<?cs /def ?>
