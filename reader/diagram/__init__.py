"""The glucose-and-insulin diagram as plain data, no Qt: what each state shows (``states``),
where everything goes at a given size (``geometry``) and which colours it is drawn in
(``palette``). Import from the submodules; this package loads nothing by itself, so the core
(``reader check``, rendering) pays nothing for the drawing parts."""
