<?cs # One product card from Card.* (lib/card_cache.c renders and caches it). ?>
<?cs include:"partials/card.cs" ?>
<?cs call:card(Card) ?>
