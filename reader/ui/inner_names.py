"""Names for the controls Qt makes inside other widgets (a field's clear button, a toolbar's
overflow button, a splitter's handle), which a screen reader would otherwise meet unnamed."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLineEdit, QSplitter, QToolBar, QToolButton, QWidget

from reader.system.i18n import translate


def name_inner_controls(root: QWidget) -> None:
    """Name every such control under ``root`` (call once its children exist)."""
    for field in root.findChildren(QLineEdit):
        clear = field.findChild(QAction, "_q_qlineeditclearaction")
        if clear is not None:
            what = field.accessibleName() or translate("InnerNames", "the field")
            clear.setText(translate("InnerNames", "Clear {field}").format(
                field=f"{what[0].lower()}{what[1:]}"))
            clear.setToolTip(clear.text())
    for toolbar in root.findChildren(QToolBar):
        more = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        if more is not None:
            more.setAccessibleName(translate("InnerNames", "More {toolbar} commands").format(
                toolbar=toolbar.windowTitle().lower()))
            more.setToolTip(more.accessibleName())
    for splitter in root.findChildren(QSplitter):
        for index in range(1, splitter.count()):
            splitter.handle(index).setAccessibleName(translate("InnerNames", "Resize the panels"))
    for combo in root.findChildren(QComboBox):
        # Qt names a combo box by its current choice; say what it chooses too.
        if combo.accessibleName():
            combo.setAccessibleDescription(combo.accessibleName())
            combo.view().setAccessibleName(translate("InnerNames", "{name} choices").format(
                name=combo.accessibleName()))
