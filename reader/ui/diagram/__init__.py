"""The diagram drawn with QPainter: ``shapes`` (one element each), ``painter`` (a frame or a
still), ``widget`` (the live, animated diagram) and ``window`` (it with its controls).
Import from the submodules; the diagram is loaded only when it is first shown."""
