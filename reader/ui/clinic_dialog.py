"""Clinic Details: the name, phone and logo printed on every handout page, set once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from reader.handout.clinic import Clinic, logo_problem
from reader.system.i18n import translate


class ClinicDialog(QDialog):
    """Edits a :class:`Clinic`; ``clinic()`` after ``exec()`` is what was chosen."""

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ClinicDialog", "Clinic Details"))
        self.name = QLineEdit(clinic.name, self)
        self.name.setPlaceholderText(translate("ClinicDialog", "Riverside Diabetes Clinic"))
        self.phone = QLineEdit(clinic.phone, self)
        self.logo = QLineEdit(str(clinic.logo or ""), self)
        self.logo.setAccessibleName(translate("ClinicDialog", "Logo file"))
        choose = QPushButton(translate("ClinicDialog", "&Choose…"), self)
        choose.clicked.connect(self._choose_logo)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(choose)
        form = QFormLayout(self)
        form.addRow(translate("ClinicDialog", "Clinic &name:"), self.name)
        form.addRow(translate("ClinicDialog", "&Phone:"), self.phone)
        form.addRow(translate("ClinicDialog", "&Logo (PNG or SVG):"), logo_row)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("ClinicDialog", "Choose the Clinic's Logo"), self.logo.text(),
            translate("ClinicDialog", "Pictures (*.png *.svg)"))
        if path:
            self.logo.setText(path)

    def accept(self) -> None:
        """A logo that cannot be used is said here, not found out when printing."""
        logo = self.logo.text().strip()
        problem = logo_problem(Path(logo)) if logo else None
        if problem is not None:
            self.problem.setText(problem)
            self.logo.setFocus()
            return
        super().accept()

    def clinic(self) -> Clinic:
        logo = self.logo.text().strip()
        return Clinic(self.name.text().strip(), self.phone.text().strip(),
                      Path(logo) if logo else None)
