<?cs # subs_list(subs): subscriptions with status, dates, access details
      (Page.subs, subs_hdf.h) and a renewal link.  Used by the account's
      subscriptions page and the order page. ?>
<?cs def:subs_list(subs) ?>
<ul class="subs-list">
<?cs each:s = subs ?>
  <li class="sub sub-<?cs var:s.status ?>" id="sub-<?cs var:s.id ?>">
    <h2><a href="/p/<?cs var:url_escape(s.slug) ?>"><?cs var:s.name ?></a> <span class="badge sub-status"><?cs var:Lang.sub.status[s.status] ?></span></h2>
    <p><?cs var:Lang.sub.starts ?> <?cs var:s.starts ?> · <?cs var:Lang.sub.ends ?> <?cs var:s.ends ?><?cs if:s.reason ?> · <?cs var:s.reason ?><?cs /if ?></p>
    <?cs if:subcount(s.cred) > 0 ?>
    <dl class="sub-access" aria-label="<?cs var:Lang.sub.access ?>">
      <?cs each:f = s.cred ?><div><dt><?cs var:f.name ?></dt><dd><code><?cs var:f.value ?></code></dd></div><?cs /each ?>
    </dl>
    <?cs elif:s.access == "waiting" ?>
    <p class="notice warn sub-waiting"><?cs var:Lang.sub.waiting ?></p>
    <?cs /if ?>
    <?cs if:s.status != "cancelled" ?><a class="button sub-renew" href="<?cs var:s.renew ?>" rel="nofollow"><?cs var:Lang.sub.renew ?></a><?cs /if ?>
  </li>
<?cs /each ?>
</ul>
<?cs /def ?>
