"""Learn more: the list of articles, and one article as illustrated, scrolling text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import Article
from kiosk.content.take_home import take_home_address
from kiosk.ui.rich_text import blocks_html
from kiosk.ui.screens.base import Route, Screen, block_paths, text_path, tile_for
from kiosk.ui.take_home_code import take_home_card
from kiosk.ui.tokens import Size, Space
from kiosk.ui.widgets import label, list_card, picture, vertical_list


class ArticleListScreen(Screen):
    """Every article in the bundle, as cards."""

    keeps_widgets = True

    def title(self) -> str:
        tiles = self.ctx.bundle.model.home.tiles
        index = tile_for(tiles, "articles")
        return self.ctx.text(tiles[index].label) if index is not None else ""

    def title_path(self) -> str | None:
        index = tile_for(self.ctx.bundle.model.home.tiles, "articles")
        return text_path("home", "tiles", index, "label") if index is not None else None

    def build(self) -> None:
        cards = []
        for index, article in enumerate(self.ctx.bundle.model.articles):
            texts = [
                (self.ctx.text(article.title), "heading"),
                (self.ctx.text(article.summary), ""),
            ]
            card = list_card(self.ctx.theme, self.ctx.media, article.illustration, texts)
            self.reads(text_path("articles", index, "title"), card.words[0])
            self.reads(text_path("articles", index, "summary"), card.words[1])
            card.clicked.connect(
                lambda _=False, a=article: self.navigate.emit(Route("article", a.id))
            )
            cards.append(card)
        self.root.addWidget(self.scroll_page(vertical_list(cards, self.ctx.theme.px(Space.L))), 1)


class ArticleScreen(Screen):
    """One article: illustration beside (or above, in portrait) text that scrolls by touch."""

    def article(self) -> Article:
        return next(a for a in self.ctx.bundle.model.articles if a.id == self.route.item)

    def _index(self) -> int:
        return self.ctx.bundle.model.articles.index(self.article())

    def title(self) -> str:
        return self.ctx.text(self.article().title)

    def title_path(self) -> str:
        return text_path("articles", self._index(), "title")

    def build(self) -> None:
        article, theme = self.article(), self.ctx.theme
        portrait = self.portrait()
        holder = QWidget()
        layout = QVBoxLayout(holder) if portrait else QHBoxLayout(holder)
        layout.setSpacing(theme.px(Space.XXL))
        box = theme.size(Size.ARTICLE_PICTURE_PORTRAIT if portrait else Size.ARTICLE_PICTURE)
        image = picture(self.ctx.media.pixmap(article.illustration, box))
        image.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(image)
        body = label(
            blocks_html(article.body, self.ctx.session.language, theme.px(Space.M)), rich=True
        )
        body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        body.setAccessibleName(self.ctx.text(article.title))
        layout.addWidget(body, 1)
        for path in block_paths(("articles", self._index(), "body"), article.body):
            self.reads(path, body)
        address = take_home_address(self.ctx.bundle.model, article)
        code = take_home_card(self.ctx, address) if address else None
        if code is not None and portrait:  # after the text, where the reading ends
            layout.addWidget(code, 0, Qt.AlignmentFlag.AlignHCenter)
        page = self.scroll_page(holder)
        if code is not None and not portrait:  # beside the text, in sight while it scrolls
            row = QHBoxLayout()
            row.setSpacing(theme.px(Space.XL))
            row.addWidget(page, 1)
            row.addWidget(code, 0, Qt.AlignmentFlag.AlignTop)
            self.root.addLayout(row, 1)
        else:
            self.root.addWidget(page, 1)
        if links := self.link_buttons(article.links):
            row = QHBoxLayout()
            row.setSpacing(theme.px(Space.L))
            for link in links:
                row.addWidget(link)
            row.addStretch(1)
            self.root.addLayout(row)
