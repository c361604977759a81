"""Learn more: the list of articles, and one article as illustrated, scrolling text."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.model import Article
from kiosk.ui.rich_text import blocks_html
from kiosk.ui.screens.base import Route, Screen
from kiosk.ui.widgets import ContentButton, label, picture


def list_card(ctx, title: str, summary: str, image, extra: str = "") -> ContentButton:
    """A tappable row: picture on the left, title and summary on the right."""
    theme = ctx.theme
    widget = ContentButton(title, "card")
    row = QHBoxLayout()
    row.setSpacing(theme.px(28))
    image_label = picture(ctx.media.pixmap(image, QSize(theme.px(260), theme.px(180))))
    image_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    row.addWidget(image_label)
    words = QVBoxLayout()
    for text, role in ((title, "heading"), (summary, ""), (extra, "muted")):
        if text:
            part = label(text, role)
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            words.addWidget(part)
    row.addLayout(words, 1)
    widget.body.addLayout(row)
    return widget


def vertical_list(widgets: list[QWidget], spacing: int) -> QWidget:
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, spacing // 2, 0)
    column.setSpacing(spacing)
    for widget in widgets:
        column.addWidget(widget)
    column.addStretch(1)
    return holder


class ArticleListScreen(Screen):
    """Every article in the bundle, as cards."""

    keeps_widgets = True

    def title(self) -> str:
        tiles = [t for t in self.ctx.bundle.model.home.tiles if t.target == "articles"]
        return self.ctx.text(tiles[0].label) if tiles else ""

    def build(self) -> None:
        cards = []
        for article in self.ctx.bundle.model.articles:
            card = list_card(
                self.ctx,
                self.ctx.text(article.title),
                self.ctx.text(article.summary),
                article.illustration,
            )
            card.clicked.connect(
                lambda _=False, a=article: self.navigate.emit(Route("article", a.id))
            )
            cards.append(card)
        self.root.addWidget(self.scroll_page(vertical_list(cards, self.ctx.theme.px(24))), 1)


class ArticleScreen(Screen):
    """One article: illustration beside (or above, in portrait) text that scrolls by touch."""

    def article(self) -> Article:
        return next(a for a in self.ctx.bundle.model.articles if a.id == self.route.item)

    def title(self) -> str:
        return self.ctx.text(self.article().title)

    def build(self) -> None:
        article, theme = self.article(), self.ctx.theme
        portrait = self.height() > self.width()
        holder = QWidget()
        layout = QVBoxLayout(holder) if portrait else QHBoxLayout(holder)
        layout.setSpacing(theme.px(40))
        box = QSize(theme.px(640), theme.px(520 if not portrait else 420))
        image = picture(self.ctx.media.pixmap(article.illustration, box))
        image.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(image)
        body = label(blocks_html(article.body, self.ctx.session.language, theme.px(18)), rich=True)
        body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        body.setAccessibleName(self.ctx.text(article.title))
        layout.addWidget(body, 1)
        self.root.addWidget(self.scroll_page(holder), 1)
        if links := self.link_buttons(article.links):
            row = QHBoxLayout()
            row.setSpacing(theme.px(24))
            for link in links:
                row.addWidget(link)
            row.addStretch(1)
            self.root.addLayout(row)
