// Replaced as the widgets land.
