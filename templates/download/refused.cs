<!DOCTYPE html>
<html lang="<?cs var:Lang.code ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs var:Lang.download.title ?> · <?cs var:Store.name ?></title>
<link rel="stylesheet" href="/static/souk.css">
</head>
<body>
<main class="download-refused">
<h1><?cs var:Lang.download.title ?></h1>
<p><?cs var:Lang.download.why[Page.reason] ?></p>
<p><?cs var:Lang.download.fresh ?></p>
<p><a href="/account/library"><?cs var:Lang.download.library ?></a> · <a href="/contact"><?cs var:Lang.download.contact ?></a> · <a href="/"><?cs var:Store.name ?></a></p>
</main>
</body>
</html>
<?cs # The page of a refused download link (cgi-bin/download.c, rendered
      alone: the program is bare).  Page.reason: forged, expired,
      exhausted, revoked, withdrawn (content staff gave, taken back) or error. ?>
