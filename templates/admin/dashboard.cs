<?cs # Dashboard: Page.fig.*, Page.chart.<id>.svg/.rows, Page.low, Page.todo.<status>.N, Page.recent.N. ?>
<?cs include:"admin/_parts.cs" ?>
<?cs def:title() ?><?cs var:Lang.adm.dashboard ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:chart(id) ?>
<section class="dash-chart" id="chart-<?cs var:id ?>" aria-labelledby="chart-<?cs var:id ?>-h">
  <h3 id="chart-<?cs var:id ?>-h"><?cs var:Lang.dash.chart[id] ?></h3>
  <?cs if:?Page.chart[id].svg ?>
  <div class="chart-box" aria-hidden="true"><?cs uvar:Page.chart[id].svg ?></div><?cs # souk:raw-ok: SVG drawn by lib/site/chart_svg.c, every text in it XML-escaped there ?>
  <table class="adm-table chart-table"><caption><?cs var:Lang.dash.chart[id] ?>, <?cs var:Page.from ?> – <?cs var:Page.to ?></caption>
  <thead><tr><th scope="col"><?cs var:Lang.dash.col[id] ?></th><th scope="col"><?cs var:Lang.dash.value[id] ?></th></tr></thead>
  <tbody><?cs each:r = Page.chart[id].rows ?><tr><th scope="row"><?cs var:r.label ?></th><td><?cs var:r.value ?></td></tr><?cs /each ?></tbody></table>
  <?cs else ?><p class="empty" id="chart-<?cs var:id ?>-empty"><?cs var:Lang.dash.no_data ?></p><?cs /if ?>
</section>
<?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("dashboard") ?>
  <h1><?cs var:Lang.adm.dashboard ?></h1>
  <form class="dash-filter" method="get" action="/admin">
    <fieldset><legend><?cs var:Lang.dash.range ?></legend>
    <?cs each:p = Lang.dash.presets ?><a href="/admin?range=<?cs name:p ?><?cs if:Page.kind ?>&amp;kind=<?cs var:url_escape(Page.kind) ?><?cs /if ?><?cs if:Page.category != 0 ?>&amp;category=<?cs var:Page.category ?><?cs /if ?>"<?cs if:Page.range == name(p) ?> aria-current="true"<?cs /if ?>><?cs var:p ?></a> <?cs /each ?>
    <label><?cs var:Lang.dash.from ?> <input type="date" name="from" value="<?cs var:Page.from ?>"></label>
    <label><?cs var:Lang.dash.to ?> <input type="date" name="to" value="<?cs var:Page.to ?>"></label>
    <label><?cs var:Lang.dash.kind ?> <select name="kind"><option value=""><?cs var:Lang.dash.all ?></option>
      <?cs each:k = Lang.dash.kinds ?><option value="<?cs name:k ?>"<?cs if:Page.kind == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?></select></label>
    <label><?cs var:Lang.dash.category ?> <select name="category"><option value="0"><?cs var:Lang.dash.all ?></option>
      <?cs each:k = Page.cats ?><option value="<?cs var:k.id ?>"<?cs if:Page.category == k.id ?> selected<?cs /if ?>><?cs var:k.name ?></option><?cs /each ?></select></label>
    <button type="submit"><?cs var:Lang.dash.show ?></button></fieldset>
  </form>
  <p id="dash-range"><?cs var:Lang.dash.showing ?> <?cs var:Page.from ?> – <?cs var:Page.to ?></p>
  <dl class="dash-figures">
    <div><dt><?cs var:Lang.dash.revenue ?></dt><dd id="fig-revenue"><?cs var:Page.fig.revenue ?></dd></div>
    <div><dt><?cs var:Lang.dash.orders ?></dt><dd id="fig-orders"><?cs var:Page.fig.orders ?></dd></div>
    <div><dt><?cs var:Lang.adm.todo_unpaid ?></dt><dd id="fig-unpaid"><?cs alt:Page.fig.awaiting_payment ?>0<?cs /alt ?></dd></div>
    <div><dt><?cs var:Lang.adm.todo_proofs ?></dt><dd id="fig-proofs"><?cs alt:Page.fig.proof_received ?>0<?cs /alt ?></dd></div>
    <div><dt><?cs var:Lang.dash.products ?></dt><dd id="fig-products"><?cs var:Page.fig.products ?></dd></div>
    <div><dt><?cs var:Lang.dash.customers ?></dt><dd id="fig-customers"><?cs var:Page.fig.customers ?></dd></div>
  </dl>
  <?cs if:Page.fig.orders == 0 ?><p class="empty" id="dash-no-data"><?cs var:Lang.dash.no_data_range ?></p><?cs /if ?>
  <?cs call:chart("revenue") ?>
  <?cs call:chart("status") ?>
  <?cs call:chart("products") ?>
  <?cs call:chart("categories") ?>
  <?cs call:chart("methods") ?>
  <h2><?cs var:Lang.dash.low ?></h2>
  <?cs if:subcount(Page.low) == 0 ?><p class="empty" id="low-empty"><?cs var:Lang.adm.none ?></p><?cs else ?>
  <ul id="low-stock"><?cs each:l = Page.low ?><li><?cs var:l.name ?>: <?cs var:l.stock ?></li><?cs /each ?></ul><?cs /if ?>
  <h2><?cs var:Lang.adm.todo_proofs ?></h2>
  <?cs call:adm_orders(Page.todo.proof_received, "todo-proofs") ?>
  <h2><?cs var:Lang.adm.todo_unpaid ?></h2>
  <?cs call:adm_orders(Page.todo.awaiting_payment, "todo-unpaid") ?>
  <h2><?cs var:Lang.adm.recent ?></h2>
  <?cs call:adm_orders(Page.recent, "recent") ?>
</section>
<?cs /def ?>
