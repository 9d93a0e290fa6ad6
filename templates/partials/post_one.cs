<?cs # One review or question from Post.0.*, as a visitor who is not logged in sees it (lib/site/post_cache.c renders and caches it). ?>
<?cs include:"partials/post.cs" ?>
<?cs call:post(Post.0, "") ?>
