<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Back</source>
        <extracomment>Our SVG icon&apos;s name and the QStyle standard pixmap used if it cannot be loaded.</extracomment>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Volver atrás</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>A&amp;delante</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Ir adelante</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>&amp;Inicio</translation>
    </message>
    <message>
        <source>The library&apos;s home page</source>
        <translation>La página de inicio de la biblioteca</translation>
    </message>
    <message>
        <source>&amp;Previous Article</source>
        <translation>Artículo a&amp;nterior</translation>
    </message>
    <message>
        <source>Previous article in the library</source>
        <translation>El artículo anterior de la biblioteca</translation>
    </message>
    <message>
        <source>&amp;Next Article</source>
        <translation>Artículo &amp;siguiente</translation>
    </message>
    <message>
        <source>Next article in the library</source>
        <translation>El artículo siguiente de la biblioteca</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Buscar en la biblioteca</translation>
    </message>
    <message>
        <source>&amp;Open Library…</source>
        <translation>&amp;Abrir biblioteca…</translation>
    </message>
    <message>
        <source>Open a folder of Markdown articles as a library</source>
        <translation>Abrir una carpeta de artículos en Markdown como biblioteca</translation>
    </message>
    <message>
        <source>Open &amp;Bundled Library</source>
        <translation>Abrir la &amp;biblioteca incluida</translation>
    </message>
    <message>
        <source>Go back to the library that comes with the app</source>
        <translation>Volver a la biblioteca que viene con la aplicación</translation>
    </message>
    <message>
        <source>Add to &amp;Handout</source>
        <translation>Agregar a la &amp;hoja</translation>
    </message>
    <message>
        <source>Add this article to the handout for a patient</source>
        <translation>Agregar este artículo a la hoja para un paciente</translation>
    </message>
    <message>
        <source>Show Hando&amp;ut</source>
        <translation>Mostrar la h&amp;oja</translation>
    </message>
    <message>
        <source>The articles chosen for a handout, to print together</source>
        <translation>Los artículos elegidos para una hoja, para imprimirlos juntos</translation>
    </message>
    <message>
        <source>Clinic De&amp;tails…</source>
        <translation>&amp;Datos de la clínica…</translation>
    </message>
    <message>
        <source>Your clinic&apos;s name, phone and logo for handouts</source>
        <translation>El nombre, el teléfono y el logotipo de su clínica para las hojas</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Close the reader</source>
        <translation>Cerrar el lector</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Contenido</translation>
    </message>
    <message>
        <source>Show the contents</source>
        <translation>Mostrar el contenido</translation>
    </message>
    <message>
        <source>Glucose and Insulin &amp;Diagram</source>
        <translation>&amp;Diagrama de glucosa e insulina</translation>
    </message>
    <message>
        <source>How insulin gets glucose into cells, normal and with insulin resistance</source>
        <translation>Cómo la insulina lleva la glucosa a las células: normalmente y con resistencia a la insulina</translation>
    </message>
    <message>
        <source>&amp;About Diabetes Reader</source>
        <translation>A&amp;cerca de Diabetes Reader</translation>
    </message>
    <message>
        <source>About this app</source>
        <translation>Acerca de esta aplicación</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>Every keyboard shortcut</source>
        <translation>Todos los atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Print this article as a handout, with a preview first</source>
        <translation>Imprimir este artículo como hoja para el paciente, con una vista previa antes</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>&amp;Exportar PDF…</translation>
    </message>
    <message>
        <source>Save this article as a PDF handout</source>
        <translation>Guardar este artículo como hoja para el paciente en PDF</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Agrandar texto</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>A&amp;chicar texto</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Texto más pequeño</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>Tamaño &amp;normal</translation>
    </message>
    <message>
        <source>Text at its normal size</source>
        <translation>El texto en su tamaño normal</translation>
    </message>
    <message>
        <source>&amp;Find in Article…</source>
        <translation>&amp;Buscar en el artículo…</translation>
    </message>
    <message>
        <source>Find words in this article</source>
        <translation>Buscar palabras en este artículo</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Buscar &amp;siguiente</translation>
    </message>
    <message>
        <source>Next match in this article</source>
        <translation>La coincidencia siguiente en este artículo</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>Buscar &amp;anterior</translation>
    </message>
    <message>
        <source>Previous match in this article</source>
        <translation>La coincidencia anterior en este artículo</translation>
    </message>
    <message>
        <source>&amp;Bookmark This Article</source>
        <translation>&amp;Marcar este artículo</translation>
    </message>
    <message>
        <source>Add this article to your bookmarks, or remove it</source>
        <translation>Agregar este artículo a sus marcadores, o quitarlo</translation>
    </message>
    <message>
        <source>&amp;Show Bookmarks</source>
        <translation>&amp;Ver marcadores</translation>
    </message>
    <message>
        <source>Show the list of bookmarks</source>
        <translation>Mostrar la lista de marcadores</translation>
    </message>
    <message>
        <source>On This &amp;Page</source>
        <translation>En esta &amp;página</translation>
    </message>
    <message>
        <source>The sections of this article: go to one, or read aloud from it</source>
        <translation>Las secciones de este artículo: ir a una o leer en voz alta desde ahí</translation>
    </message>
    <message>
        <source>&amp;Read Aloud</source>
        <translation>&amp;Leer en voz alta</translation>
    </message>
    <message>
        <source>Read this article aloud; again to pause or resume</source>
        <translation>Leer este artículo en voz alta; otra vez para pausar o reanudar</translation>
    </message>
    <message>
        <source>S&amp;top Reading</source>
        <translation>De&amp;tener la lectura</translation>
    </message>
    <message>
        <source>Stop reading aloud</source>
        <translation>Dejar de leer en voz alta</translation>
    </message>
    <message>
        <source>Read &amp;Faster</source>
        <translation>Leer más &amp;rápido</translation>
    </message>
    <message>
        <source>Read aloud a little faster</source>
        <translation>Leer en voz alta un poco más rápido</translation>
    </message>
    <message>
        <source>Read i&amp;n Another Language</source>
        <translation>Leer en otro idio&amp;ma</translation>
    </message>
    <message>
        <source>This article in the library&apos;s other language</source>
        <translation>Este artículo en el otro idioma de la biblioteca</translation>
    </message>
    <message>
        <source>Read &amp;Slower</source>
        <translation>Leer más &amp;despacio</translation>
    </message>
    <message>
        <source>Read aloud a little slower</source>
        <translation>Leer en voz alta un poco más despacio</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>The menu bar: each menu&apos;s title and its items in order.</extracomment>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation>&amp;Marcadores</translation>
    </message>
    <message>
        <source>&amp;Listen</source>
        <translation>E&amp;scuchar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Navigation</source>
        <extracomment>The navigation toolbar; the search field follows, pushed to the right. The article&apos;s own toolbar, at the right of the breadcrumb, over the text it acts on.</extracomment>
        <translation>Navegación</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>&amp;Pause Reading</source>
        <translation>&amp;Pausar la lectura</translation>
    </message>
    <message>
        <source>&amp;Resume Reading</source>
        <translation>Rea&amp;nudar la lectura</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The library cannot be opened.

{error}</source>
        <translation>No se puede abrir la biblioteca.

{error}</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>Picture not shown: {reason}</source>
        <translation>No se muestra la imagen: {reason}</translation>
    </message>
    <message>
        <source>Article</source>
        <extracomment>A page&apos;s text was laid out anew (another page, zoom, theme): positions changed.
----------
The library&apos;s language: search hits are matched as its index stems them. What is marked now (search hits or find matches) and the sentence read aloud.</extracomment>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>{name} could not be read</source>
        <translation>No se pudo leer {name}</translation>
    </message>
</context>
<context>
    <name>BookmarksController</name>
    <message>
        <source>Removed the bookmark for {title}.</source>
        <translation>Se quitó el marcador de {title}.</translation>
    </message>
    <message>
        <source>Bookmarked {title}.</source>
        <translation>Se agregó {title} a los marcadores.</translation>
    </message>
    <message>
        <source>That article is no longer in this library. You can remove the bookmark.</source>
        <translation>Ese artículo ya no está en esta biblioteca. Puede quitar el marcador.</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <source>Bookmark an article with Ctrl+D to find it here again.</source>
        <translation>Agregue un artículo a sus marcadores con Ctrl+D para volver a encontrarlo aquí.</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>Marcadores</translation>
    </message>
    <message>
        <source>Enter opens, Delete removes, Alt+Up and Alt+Down move a bookmark</source>
        <translation>Enter abre, Supr quita, Alt+Arriba y Alt+Abajo mueven un marcador</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>&amp;Hacia arriba</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>Hacia aba&amp;jo</translation>
    </message>
    <message>
        <source>{title} (no longer in this library)</source>
        <translation>{title} (ya no está en esta biblioteca)</translation>
    </message>
    <message>
        <source>Bookmarked {date}</source>
        <translation>Agregado a marcadores el {date}</translation>
    </message>
</context>
<context>
    <name>Clinic</name>
    <message>
        <source>the logo {path} cannot be read ({reason})</source>
        <extracomment>A logo is a small picture: larger files are refused, not loaded. &quot;NAME · PHONE&quot;, &quot;NAME | PHONE&quot; or &quot;NAME - PHONE&quot; on the command line, in that order of preference (a name may hold a dash: &quot;St Mary&apos;s - Diabetes Centre · 555-0100&quot;).</extracomment>
        <translation>no se puede leer el logotipo {path} ({reason})</translation>
    </message>
    <message>
        <source>there is no logo file {path}</source>
        <translation>no existe el archivo de logotipo {path}</translation>
    </message>
    <message>
        <source>the logo {path} is too large (the limit is {limit} MB)</source>
        <translation>el logotipo {path} es demasiado grande (el límite es {limit} MB)</translation>
    </message>
    <message>
        <source>the logo {path} is not a PNG or SVG picture</source>
        <translation>el logotipo {path} no es una imagen PNG ni SVG</translation>
    </message>
</context>
<context>
    <name>ClinicDialog</name>
    <message>
        <source>Clinic Details</source>
        <translation>Datos de la clínica</translation>
    </message>
    <message>
        <source>Riverside Diabetes Clinic</source>
        <translation>Clínica de Diabetes del Río</translation>
    </message>
    <message>
        <source>Logo file</source>
        <translation>Archivo del logotipo</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <source>Clinic &amp;name:</source>
        <translation>&amp;Nombre de la clínica:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>&amp;Logo (PNG or SVG):</source>
        <translation>&amp;Logotipo (PNG o SVG):</translation>
    </message>
    <message>
        <source>Choose the Clinic&apos;s Logo</source>
        <translation>Elegir el logotipo de la clínica</translation>
    </message>
    <message>
        <source>Pictures (*.png *.svg)</source>
        <translation>Imágenes (*.png *.svg)</translation>
    </message>
</context>
<context>
    <name>ContentsTree</name>
    <message>
        <source>Contents</source>
        <extracomment>Libraries up to this size get their whole tree at once; larger ones per section, on demand.</extracomment>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>Sections and articles of the library, in reading order</source>
        <translation>Secciones y artículos de la biblioteca, en orden de lectura</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>{day} {month} {year}</source>
        <extracomment>The language the strings are written in.</extracomment>
        <translation>{day} de {month} de {year}</translation>
    </message>
    <message>
        <source>January</source>
        <translation>enero</translation>
    </message>
    <message>
        <source>February</source>
        <translation>febrero</translation>
    </message>
    <message>
        <source>March</source>
        <translation>marzo</translation>
    </message>
    <message>
        <source>April</source>
        <translation>abril</translation>
    </message>
    <message>
        <source>May</source>
        <translation>mayo</translation>
    </message>
    <message>
        <source>June</source>
        <translation>junio</translation>
    </message>
    <message>
        <source>July</source>
        <translation>julio</translation>
    </message>
    <message>
        <source>August</source>
        <translation>agosto</translation>
    </message>
    <message>
        <source>September</source>
        <translation>septiembre</translation>
    </message>
    <message>
        <source>October</source>
        <translation>octubre</translation>
    </message>
    <message>
        <source>November</source>
        <translation>noviembre</translation>
    </message>
    <message>
        <source>December</source>
        <translation>diciembre</translation>
    </message>
</context>
<context>
    <name>Diagram</name>
    <message>
        <source>Bloodstream</source>
        <extracomment>The size the units are designed at: one unit is one pixel here. The animation phase of a still: the frame that shows every part clearly. Insulin receptors on the cell membrane. Smallest text, in pixels, however small the picture. ``measure(text, pixel_size, bold, width)`` → ``(width, height)`` of the text&apos;s box: one line if ``width`` is None, else wrapped to ``width`` (and then exactly that wide).</extracomment>
        <translation>Sangre</translation>
    </message>
    <message>
        <source>Muscle or fat cell</source>
        <translation>Célula de músculo o grasa</translation>
    </message>
    <message>
        <source>Cell membrane →</source>
        <translation>Membrana de la célula →</translation>
    </message>
    <message>
        <source>Strong signal</source>
        <translation>Señal fuerte</translation>
    </message>
    <message>
        <source>Weak signal</source>
        <translation>Señal débil</translation>
    </message>
    <message>
        <source>GLUT4 doors stored inside ({count})</source>
        <translation>Puertas GLUT4 guardadas ({count})</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energía</translation>
    </message>
    <message>
        <source>Pancreas</source>
        <translation>Páncreas</translation>
    </message>
    <message>
        <source>beta cells make insulin</source>
        <translation>las células beta hacen insulina</translation>
    </message>
    <message>
        <source>Blood sugar</source>
        <translation>Azúcar en la sangre</translation>
    </message>
    <message>
        <source>healthy range</source>
        <translation>rango saludable</translation>
    </message>
    <message>
        <source>Glucose (sugar)</source>
        <translation>Glucosa (azúcar)</translation>
    </message>
    <message>
        <source>Insulin</source>
        <translation>Insulina</translation>
    </message>
    <message>
        <source>Receptor</source>
        <translation>Receptor</translation>
    </message>
    <message>
        <source>GLUT4 glucose door</source>
        <translation>Puerta de glucosa GLUT4</translation>
    </message>
</context>
<context>
    <name>DiagramState</name>
    <message>
        <source>Normal</source>
        <extracomment>Size (in CSS pixels) of a diagram still in an article: the diagram&apos;s smallest full size. The state in a word or two (its button in the diagram&apos;s window). One or two short sentences under the title (reading grade 8 or lower). Everything the picture shows, in words, for screen readers.</extracomment>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Normal: insulin opens the way</source>
        <translation>Normal: la insulina abre el camino</translation>
    </message>
    <message>
        <source>Insulin attaches to receptors on the outside of the cell. The signal brings many glucose doors (GLUT4) up to the surface. Glucose flows in and gives the cell energy.</source>
        <translation>La insulina se une a los receptores por fuera de la célula. La señal sube muchas puertas de glucosa (GLUT4) a la superficie. La glucosa entra y le da energía a la célula.</translation>
    </message>
    <message>
        <source>Diagram, normal state. Beta cells in the pancreas release insulin into the bloodstream. Insulin attaches to receptors on the outside of a muscle or fat cell. It does not need to enter the cell to send its signal. A strong signal inside the cell moves most of its glucose doors, called GLUT4, from inside the cell up to its surface. Glucose passes through these doors into the cell, from where there is more to where there is less, and is used for energy. Little glucose is left in the blood, so blood sugar stays in the healthy range.</source>
        <translation>Diagrama, estado normal. Las células beta del páncreas sueltan insulina a la sangre. La insulina se une a los receptores por fuera de una célula de músculo o de grasa. No necesita entrar en la célula para mandar su señal. Una señal fuerte dentro de la célula sube la mayoría de sus puertas de glucosa, llamadas GLUT4, desde adentro de la célula hasta su superficie. La glucosa pasa por estas puertas hacia dentro de la célula, de donde hay más a donde hay menos, y se usa como energía. Queda poca glucosa en la sangre, así que el azúcar en la sangre se mantiene en el rango saludable.</translation>
    </message>
    <message>
        <source>Blood sugar: in range</source>
        <translation>Azúcar en la sangre: dentro del rango</translation>
    </message>
    <message>
        <source>Pancreas: normal amount of insulin</source>
        <translation>Páncreas: cantidad normal de insulina</translation>
    </message>
    <message>
        <source>Insulin resistance</source>
        <translation>Resistencia a la insulina</translation>
    </message>
    <message>
        <source>Insulin resistance: the pancreas makes up for it</source>
        <translation>Resistencia a la insulina: el páncreas compensa</translation>
    </message>
    <message>
        <source>The cell answers insulin weakly, so fewer glucose doors reach the surface. The pancreas makes much more insulin to make up for it. For years, blood sugar stays near normal.</source>
        <translation>La célula responde débilmente a la insulina, así que llegan menos puertas de glucosa a la superficie. El páncreas hace mucha más insulina para compensar. Por años, el azúcar en la sangre se queda cerca de lo normal.</translation>
    </message>
    <message>
        <source>Diagram, insulin resistance. Insulin still attaches to the receptors on the outside of the cell, but the cell answers it weakly: the signal inside is weak. The pancreas makes up for it by making much more insulin. Fewer glucose doors (GLUT4) reach the surface than in the normal state, but with so much insulin, enough glucose still gets in. Only a little more glucose stays in the blood, so blood sugar is near normal or only slightly raised. This can go on for years, while the pancreas works much harder.</source>
        <translation>Diagrama, resistencia a la insulina. La insulina todavía se une a los receptores por fuera de la célula, pero la célula le responde débilmente: la señal de adentro es débil. El páncreas compensa haciendo mucha más insulina. Llegan a la superficie menos puertas de glucosa (GLUT4) que en el estado normal, pero con tanta insulina todavía entra suficiente glucosa. Solo un poco más de glucosa se queda en la sangre, así que el azúcar en la sangre está cerca de lo normal o solo un poco alta. Esto puede durar años, mientras el páncreas trabaja mucho más.</translation>
    </message>
    <message>
        <source>Blood sugar: near normal or slightly raised</source>
        <translation>Azúcar en la sangre: casi normal o un poco alta</translation>
    </message>
    <message>
        <source>Pancreas: working much harder (much more insulin)</source>
        <translation>Páncreas: trabaja mucho más (mucha más insulina)</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>Con el tiempo</translation>
    </message>
    <message>
        <source>Over time: the beta cells cannot keep up</source>
        <translation>Con el tiempo: las células beta no dan abasto</translation>
    </message>
    <message>
        <source>After years of working harder, the beta cells make less insulin. Less insulin and a weak answer let little glucose in. Blood sugar climbs into the diabetes range.</source>
        <translation>Después de años de trabajar más, las células beta hacen menos insulina. Con menos insulina y una respuesta débil, entra poca glucosa. El azúcar en la sangre sube hasta el rango de la diabetes.</translation>
    </message>
    <message>
        <source>Diagram, beta cells wearing out. After years of extra work, the beta cells in the pancreas can no longer make as much insulin as the body needs. Fewer insulin molecules reach the receptors, and the signal inside the cell is weak. Most glucose doors (GLUT4) stay stored inside the cell. Very little glucose gets in, and a lot of glucose is left in the bloodstream, so blood sugar is high. This is how insulin resistance can lead to type 2 diabetes.</source>
        <translation>Diagrama, células beta que se desgastan. Después de años de trabajo extra, las células beta del páncreas ya no pueden hacer tanta insulina como el cuerpo necesita. Llegan menos moléculas de insulina a los receptores, y la señal dentro de la célula es débil. La mayoría de las puertas de glucosa (GLUT4) se quedan guardadas dentro de la célula. Entra muy poca glucosa y queda mucha glucosa en la sangre, así que el azúcar en la sangre está alta. Así es como la resistencia a la insulina puede llevar a la diabetes tipo 2.</translation>
    </message>
    <message>
        <source>Blood sugar: high</source>
        <translation>Azúcar en la sangre: alta</translation>
    </message>
    <message>
        <source>Pancreas: tired beta cells (less insulin)</source>
        <translation>Páncreas: células beta cansadas (menos insulina)</translation>
    </message>
    <message>
        <source>unknown diagram &apos;{name}&apos; (use one of: {names})</source>
        <translation>diagrama desconocido &apos;{name}&apos; (use uno de estos: {names})</translation>
    </message>
</context>
<context>
    <name>DiagramWidget</name>
    <message>
        <source>Diagram: how glucose enters cells</source>
        <extracomment>One full animation cycle, and frames per second: slow and calm. How far one step (the . key, or Step) moves the animation: one eighth of a cycle.</extracomment>
        <translation>Diagrama: cómo entra la glucosa en las células</translation>
    </message>
</context>
<context>
    <name>DiagramWindow</name>
    <message>
        <source>How Insulin Gets Glucose into Cells</source>
        <translation>Cómo la insulina lleva la glucosa a las células</translation>
    </message>
    <message>
        <source>&amp;{number} {name}</source>
        <extracomment>A new state is said to screen-reader users: the picture changed without a focus move.</extracomment>
        <translation>&amp;{number} {name}</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <source>Pause or play the animation (Space)</source>
        <translation>Pausar o reproducir la animación (Espacio)</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>Pa&amp;so</translation>
    </message>
    <message>
        <source>Move the animation on one step (.)</source>
        <translation>Avanzar la animación un paso (.)</translation>
    </message>
    <message>
        <source>&amp;Reduced motion</source>
        <translation>&amp;Reducir movimiento</translation>
    </message>
    <message>
        <source>Show a still picture with no movement</source>
        <translation>Mostrar una imagen fija, sin movimiento</translation>
    </message>
    <message>
        <source>What the diagram shows</source>
        <translation>Lo que muestra el diagrama</translation>
    </message>
    <message>
        <source>{title}. {caption}</source>
        <translation>{title}. {caption}</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>Re&amp;producir</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Something went wrong</source>
        <extracomment>False in --self-test and --exit-after-paint: nobody is there to close a dialog.</extracomment>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>The details are also in {path}.</source>
        <translation>Los detalles también están en {path}.</translation>
    </message>
    <message>
        <source>Something went wrong, but the reader is still working. You can keep reading.</source>
        <translation>Algo salió mal, pero el lector sigue funcionando. Puede seguir leyendo.</translation>
    </message>
    <message>
        <source>&amp;Copy Details</source>
        <translation>&amp;Copiar detalles</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this article</source>
        <translation>Buscar en este artículo</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Coincidencias</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>Coincidencia anterior (Shift+Enter, Shift+F3)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Coincidencia anterior</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>Coincidencia siguiente (Enter, F3)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Coincidencia siguiente</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>Cerrar la barra de búsqueda (Esc)</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>Cerrar la barra de búsqueda</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Buscar:</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Sin coincidencias</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current} de {total}</translation>
    </message>
</context>
<context>
    <name>Glossary</name>
    <message>
        <source>{term}: {definition}</source>
        <translation>{term}: {definition}</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <source>Phone: {phone}</source>
        <translation>Teléfono: {phone}</translation>
    </message>
    <message>
        <source>In this handout</source>
        <translation>En esta hoja</translation>
    </message>
    <message>
        <source>{date} · {library}</source>
        <translation>{date} · {library}</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Página {page} de {pages}</translation>
    </message>
</context>
<context>
    <name>HandoutController</name>
    <message>
        <source>New to Diabetes (the Start here path)</source>
        <translation>Nuevo con la diabetes (el camino Empiece aquí)</translation>
    </message>
    <message>
        <source>Added “{title}” to the handout ({count} in all).</source>
        <translation>Se agregó “{title}” a la hoja ({count} en total).</translation>
    </message>
    <message>
        <source>Added {added} articles to the handout ({count} in all).</source>
        <translation>Se agregaron {added} artículos a la hoja ({count} en total).</translation>
    </message>
    <message>
        <source>Already in the handout.</source>
        <translation>Ya está en la hoja.</translation>
    </message>
    <message>
        <source>The handout is empty.</source>
        <translation>La hoja está vacía.</translation>
    </message>
    <message>
        <source>Add to &amp;Handout</source>
        <translation>Agregar a la &amp;hoja</translation>
    </message>
    <message>
        <source>handout.pdf</source>
        <translation>hoja.pdf</translation>
    </message>
    <message>
        <source>Save the Handout as PDF</source>
        <translation>Guardar la hoja como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Guardar PDF</translation>
    </message>
    <message>
        <source>Saved the handout to {path}.</source>
        <translation>Se guardó la hoja en {path}.</translation>
    </message>
</context>
<context>
    <name>HandoutPanel</name>
    <message>
        <source>Choose Add to Handout (Ctrl+Shift+H) on articles to print them together for a patient, with your clinic&apos;s name.</source>
        <translation>Elija Agregar a la hoja (Ctrl+Shift+H) en los artículos para imprimirlos juntos para un paciente, con el nombre de su clínica.</translation>
    </message>
    <message>
        <source>Articles in the handout</source>
        <translation>Artículos de la hoja</translation>
    </message>
    <message>
        <source>In print order. Alt+Up and Alt+Down move an article, Delete removes it; you can also drag them.</source>
        <translation>En el orden de impresión. Alt+Arriba y Alt+Abajo mueven un artículo, Supr lo quita; también puede arrastrarlos.</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Clea&amp;r</source>
        <translation>&amp;Limpiar</translation>
    </message>
    <message>
        <source>Add a Read&amp;y Set</source>
        <translation>Agregar un &amp;grupo listo</translation>
    </message>
    <message>
        <source>Note for th&amp;is patient:</source>
        <translation>Nota para este pacien&amp;te:</translation>
    </message>
    <message>
        <source>Begin &amp;with a cover page</source>
        <translation>Incluir una portada al &amp;frente</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <source>Clinic Details…</source>
        <translation>Datos de la clínica…</translation>
    </message>
    <message>
        <source>Next visit: …</source>
        <translation>Próxima cita: …</translation>
    </message>
    <message>
        <source>Note for this patient</source>
        <translation>Nota para este paciente</translation>
    </message>
</context>
<context>
    <name>HeadingsPanel</name>
    <message>
        <source>On this page</source>
        <translation>En esta página</translation>
    </message>
    <message>
        <source>The sections of this article. Enter goes there.</source>
        <translation>Las secciones de este artículo. Enter lleva a la sección.</translation>
    </message>
    <message>
        <source>&amp;Read From Here</source>
        <translation>&amp;Leer desde aquí</translation>
    </message>
    <message>
        <source>Read aloud from the chosen section</source>
        <translation>Leer en voz alta desde la sección elegida</translation>
    </message>
    <message>
        <source>This page has no sections.</source>
        <translation>Esta página no tiene secciones.</translation>
    </message>
    <message>
        <source>Go to This Section</source>
        <translation>Ir a esta sección</translation>
    </message>
    <message>
        <source>Read From Here</source>
        <translation>Leer desde aquí</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Search box: open the first (or selected) result</source>
        <translation>Cuadro de búsqueda: abrir el primer resultado (o el elegido)</translation>
    </message>
    <message>
        <source>Search box: go to the results</source>
        <translation>Cuadro de búsqueda: ir a los resultados</translation>
    </message>
    <message>
        <source>Search box: clear the search</source>
        <translation>Cuadro de búsqueda: borrar la búsqueda</translation>
    </message>
    <message>
        <source>Article: move between links, glossary words and buttons</source>
        <translation>Artículo: pasar entre enlaces, palabras del glosario y botones</translation>
    </message>
    <message>
        <source>Article: follow the selected link</source>
        <translation>Artículo: abrir el enlace elegido</translation>
    </message>
    <message>
        <source>Find bar: next / previous match</source>
        <translation>Barra de búsqueda: coincidencia siguiente / anterior</translation>
    </message>
    <message>
        <source>Find bar: close</source>
        <translation>Barra de búsqueda: cerrar</translation>
    </message>
    <message>
        <source>Bookmarks list: remove / move up / move down</source>
        <translation>Lista de marcadores: quitar / subir / bajar</translation>
    </message>
    <message>
        <source>Diagram: switch state</source>
        <translation>Diagrama: cambiar de estado</translation>
    </message>
    <message>
        <source>1, 2, 3 or Left / Right</source>
        <translation>1, 2, 3 o Izquierda / Derecha</translation>
    </message>
    <message>
        <source>Diagram: pause or play / one step</source>
        <translation>Diagrama: pausar o reproducir / un paso</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>sin indicar</translation>
    </message>
    <message>
        <source>1 article, last updated {updated}</source>
        <translation>1 artículo, última actualización: {updated}</translation>
    </message>
    <message>
        <source>{count} articles, last updated {updated}</source>
        <translation>{count} artículos, última actualización: {updated}</translation>
    </message>
    <message>
        <source>&lt;p&gt;An offline library of plain-language articles about diabetes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Una biblioteca sin conexión de artículos en lenguaje sencillo sobre la diabetes.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Library:&lt;/b&gt; {title}&lt;br&gt;{articles}&lt;br&gt;{folder}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Biblioteca:&lt;/b&gt; {title}&lt;br&gt;{articles}&lt;br&gt;{folder}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Please note.&lt;/b&gt; {notice}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Tenga en cuenta.&lt;/b&gt; {notice}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Acerca de {app}</translation>
    </message>
</context>
<context>
    <name>Include</name>
    <message>
        <source>this part could not be shown: {problem}.</source>
        <translation>esta parte no se pudo mostrar: {problem}.</translation>
    </message>
</context>
<context>
    <name>IndexStatus</name>
    <message>
        <source>Search index progress</source>
        <translation>Progreso del índice de búsqueda</translation>
    </message>
    <message>
        <source>Indexing %p%</source>
        <translation>Indexando %p%</translation>
    </message>
    <message>
        <source>Building the search index; you can keep reading.</source>
        <translation>Creando el índice de búsqueda; puede seguir leyendo.</translation>
    </message>
    <message>
        <source>Search ready: 1 article.</source>
        <translation>Búsqueda lista: 1 artículo.</translation>
    </message>
    <message>
        <source>Search ready: {count} articles.</source>
        <translation>Búsqueda lista: {count} artículos.</translation>
    </message>
</context>
<context>
    <name>InnerNames</name>
    <message>
        <source>the field</source>
        <translation>el campo</translation>
    </message>
    <message>
        <source>Clear {field}</source>
        <translation>Borrar texto: {field}</translation>
    </message>
    <message>
        <source>More {toolbar} commands</source>
        <translation>Más comandos de {toolbar}</translation>
    </message>
    <message>
        <source>Resize the panels</source>
        <translation>Cambiar el tamaño de los paneles</translation>
    </message>
    <message>
        <source>{name} choices</source>
        <translation>{name}: opciones</translation>
    </message>
</context>
<context>
    <name>LanguageChoices</name>
    <message>
        <source>The language of the app and of its library</source>
        <extracomment>The command to read a page in each language, in that language.</extracomment>
        <translation>El idioma de la aplicación y de su biblioteca</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
</context>
<context>
    <name>LibraryDialogs</name>
    <message>
        <source>Cannot open library</source>
        <translation>No se puede abrir la biblioteca</translation>
    </message>
    <message>
        <source>{folder} holds no Markdown (.md) articles.</source>
        <translation>{folder} no tiene artículos en Markdown (.md).</translation>
    </message>
</context>
<context>
    <name>LinkDialogs</name>
    <message>
        <source>Web link</source>
        <translation>Enlace web</translation>
    </message>
    <message>
        <source>This reader works offline and does not open web pages.</source>
        <translation>Este lector funciona sin internet y no abre páginas web.</translation>
    </message>
    <message>
        <source>The link goes to:
{url}

You can copy the address and open it on a device that is online.</source>
        <translation>El enlace lleva a:
{url}

Puede copiar la dirección y abrirla en un dispositivo con internet.</translation>
    </message>
    <message>
        <source>&amp;Copy Address</source>
        <translation>&amp;Copiar dirección</translation>
    </message>
    <message>
        <source>Address copied.</source>
        <translation>Dirección copiada.</translation>
    </message>
    <message>
        <source>Broken link</source>
        <translation>Enlace roto</translation>
    </message>
    <message>
        <source>This link does not lead anywhere: {reason}.</source>
        <translation>Este enlace no lleva a ninguna parte: {reason}.</translation>
    </message>
    <message>
        <source>Link to a file</source>
        <translation>Enlace a un archivo</translation>
    </message>
    <message>
        <source>This link points to a file that is not an article. The reader does not open files with other programs.</source>
        <translation>Este enlace lleva a un archivo que no es un artículo. El lector no abre archivos con otros programas.</translation>
    </message>
    <message>
        <source>The file is:
{path}</source>
        <translation>El archivo es:
{path}</translation>
    </message>
    <message>
        <source>Show &amp;Folder</source>
        <translation>Mostrar &amp;carpeta</translation>
    </message>
    <message>
        <source>&amp;Copy Location</source>
        <translation>Copiar &amp;ubicación</translation>
    </message>
    <message>
        <source>Location copied.</source>
        <translation>Ubicación copiada.</translation>
    </message>
    <message>
        <source>Cannot show the folder</source>
        <translation>No se puede mostrar la carpeta</translation>
    </message>
    <message>
        <source>No program on this computer shows the folder {folder}.</source>
        <translation>Ningún programa de esta computadora puede mostrar la carpeta {folder}.</translation>
    </message>
</context>
<context>
    <name>Links</name>
    <message>
        <source>Web address: {url} (the reader does not go online)</source>
        <translation>Dirección web: {url} (el lector no se conecta a internet)</translation>
    </message>
    <message>
        <source>Broken link: {reason}</source>
        <translation>Enlace roto: {reason}</translation>
    </message>
    <message>
        <source>image</source>
        <translation>imagen</translation>
    </message>
    <message>
        <source>[{description}: {reason}]</source>
        <translation>[{description}: {reason}]</translation>
    </message>
    <message>
        <source>Open the live diagram</source>
        <translation>Abrir el diagrama interactivo</translation>
    </message>
    <message>
        <source>Open the live diagram: switch between normal and insulin resistance</source>
        <translation>Abrir el diagrama interactivo: cambie entre lo normal y la resistencia a la insulina</translation>
    </message>
</context>
<context>
    <name>LookChoices</name>
    <message>
        <source>Colour theme</source>
        <translation>Tema de colores</translation>
    </message>
    <message>
        <source>How glucose values are shown</source>
        <translation>Cómo se muestran los valores de glucosa</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>&amp;Glucose Units</source>
        <translation>&amp;Unidades de glucosa</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Contents</source>
        <extracomment>False for the self-test, which must not change what the user last read.</extracomment>
        <translation>&amp;Contenido</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>Boo&amp;kmarks</source>
        <translation>Marca&amp;dores</translation>
    </message>
    <message>
        <source>On This &amp;Page</source>
        <translation>En esta &amp;página</translation>
    </message>
    <message>
        <source>Ha&amp;ndout</source>
        <translation>&amp;Hoja</translation>
    </message>
    <message>
        <source>Contents, search, bookmarks and the sections of this page</source>
        <translation>Contenido, búsqueda, marcadores y secciones de esta página</translation>
    </message>
    <message>
        <source>Search the library (Ctrl+K)</source>
        <translation>Buscar en la biblioteca (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Buscar en la biblioteca</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Bookmarks and settings cannot be saved on this computer (its folders are read-only); they last until you close the reader.</source>
        <translation>No se pueden guardar los marcadores ni la configuración en esta computadora (sus carpetas son de solo lectura); se conservan hasta que cierre el lector.</translation>
    </message>
    <message>
        <source>Opened {title}</source>
        <translation>Se abrió {title}</translation>
    </message>
    <message>
        <source>1 match highlighted in this article.</source>
        <translation>1 coincidencia marcada en este artículo.</translation>
    </message>
    <message>
        <source>{count} matches highlighted in this article.</source>
        <translation>{count} coincidencias marcadas en este artículo.</translation>
    </message>
    <message>
        <source>1 problem in this library; articles with problems say so where they are shown.</source>
        <translation>Hay 1 problema en esta biblioteca; los artículos con problemas lo avisan donde se muestran.</translation>
    </message>
    <message>
        <source>{count} problems in this library; articles with problems say so where they are shown.</source>
        <translation>Hay {count} problemas en esta biblioteca; los artículos con problemas lo avisan donde se muestran.</translation>
    </message>
    <message>
        <source>Open a Library Folder</source>
        <translation>Abrir una carpeta de biblioteca</translation>
    </message>
    <message>
        <source>Text size {percent}%</source>
        <translation>Tamaño del texto: {percent}%</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>No previous article</source>
        <translation>No hay artículo anterior</translation>
    </message>
    <message>
        <source>Previous: {title}</source>
        <translation>Anterior: {title}</translation>
    </message>
    <message>
        <source>Previous article: {title} ({keys})</source>
        <translation>Artículo anterior: {title} ({keys})</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>No next article</source>
        <translation>No hay artículo siguiente</translation>
    </message>
    <message>
        <source>Next: {title}</source>
        <translation>Siguiente: {title}</translation>
    </message>
    <message>
        <source>Next article: {title} ({keys})</source>
        <translation>Artículo siguiente: {title} ({keys})</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>For your information</source>
        <extracomment>The home page lists every article of a library up to this size, and only sections beyond. An article shown as plain text (too costly to lay out) shows at most this much of itself. Articles are checked again this many years after their last review, unless their ``review-due:`` says otherwise (sooner for medicines). Shown on every article, in our own words (English; shown as ``translate(&quot;Page&quot;, …)``).</extracomment>
        <translation>Para su información</translation>
    </message>
    <message>
        <source>The information here is general: it helps you learn about diabetes, but it is not medical advice for you. Talk with your doctor or diabetes care team before you change how you eat, move or take medicine. If you feel very unwell, get emergency help.</source>
        <translation>La información que hay aquí es general: le ayuda a aprender sobre la diabetes, pero no es un consejo médico para usted. Hable con su médico o con su equipo de atención de la diabetes antes de cambiar su forma de comer, de moverse o de tomar medicinas. Si se siente muy mal, busque ayuda de emergencia.</translation>
    </message>
    <message>
        <source>1 article.</source>
        <extracomment>False for error pages: what went wrong (a file that cannot be read) may pass by itself.</extracomment>
        <translation>1 artículo.</translation>
    </message>
    <message>
        <source>{count} articles.</source>
        <translation>{count} artículos.</translation>
    </message>
    <message>
        <source>1 article</source>
        <translation>1 artículo</translation>
    </message>
    <message>
        <source>{count} articles</source>
        <translation>{count} artículos</translation>
    </message>
    <message>
        <source>{file}: this file is too large to show ({size} MB; the reader shows articles up to {limit} MB). Split it into smaller articles.</source>
        <extracomment>&quot;both&quot;, &quot;mg&quot; or &quot;mmol&quot;: how glucose values are shown.</extracomment>
        <translation>{file}: este archivo es demasiado grande para mostrarlo ({size} MB; el lector muestra artículos de hasta {limit} MB). Divídalo en artículos más pequeños.</translation>
    </message>
    <message>
        <source>{file}: this article could not be opened ({reason}).</source>
        <translation>{file}: no se pudo abrir este artículo ({reason}).</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Diabetes Reader</source>
        <translation>Diabetes Reader</translation>
    </message>
    <message>
        <source>some characters could not be read ({message})</source>
        <translation>algunos caracteres no se pudieron leer ({message})</translation>
    </message>
    <message>
        <source>this article is empty</source>
        <translation>este artículo está vacío</translation>
    </message>
    <message>
        <source>it could not be laid out</source>
        <translation>no se pudo darle formato</translation>
    </message>
    <message>
        <source>Only the first {count} characters are shown.</source>
        <translation>Solo se muestran los primeros {count} caracteres.</translation>
    </message>
    <message>
        <source>{file}: this article is shown as plain text because {reason}.</source>
        <translation>{file}: este artículo se muestra como texto simple porque {reason}.</translation>
    </message>
    <message>
        <source>Last updated: {date}</source>
        <translation>Última actualización: {date}</translation>
    </message>
    <message>
        <source>Last reviewed: {reviewed} · Next review due: {due}</source>
        <translation>Última revisión: {reviewed} · Próxima revisión: {due}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>{date} (file date)</source>
        <translation>{date} (fecha del archivo)</translation>
    </message>
    <message>
        <source>← Previous: {link}</source>
        <translation>← Anterior: {link}</translation>
    </message>
    <message>
        <source>Next: {link} →</source>
        <translation>Siguiente: {link} →</translation>
    </message>
    <message>
        <source>New to diabetes? Start here</source>
        <translation>¿La diabetes es nueva para usted? Empiece aquí</translation>
    </message>
    <message>
        <source>Read these in order. They cover what to do in the first weeks.</source>
        <translation>Léalos en orden. Explican qué hacer en las primeras semanas.</translation>
    </message>
    <message>
        <source>Recently read</source>
        <translation>Leídos hace poco</translation>
    </message>
    <message>
        <source>The rest of the library still works: choose another article from the contents.</source>
        <translation>El resto de la biblioteca sigue funcionando: elija otro artículo de la lista Contenido.</translation>
    </message>
    <message>
        <source>Article not found</source>
        <translation>No se encontró el artículo</translation>
    </message>
    <message>
        <source>There is no article &apos;{id}&apos; in this library.</source>
        <translation>No hay ningún artículo “{id}” en esta biblioteca.</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Follow the System</source>
        <extracomment>Text size steps, in percent. Each step is one Ctrl++ / Ctrl+-. &quot;system&quot; follows the computer&apos;s light or dark setting. Their names in the View menu, in English: shown as ``translate(&quot;Preferences&quot;, name)``.</extracomment>
        <translation>Como el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>High Contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>Both (mg/dL and mmol/L)</source>
        <extracomment>How glucose values are shown: both units, or only one.</extracomment>
        <translation>Ambas (mg/dL y mmol/L)</translation>
    </message>
    <message>
        <source>mg/dL Only</source>
        <translation>Solo mg/dL</translation>
    </message>
    <message>
        <source>mmol/L Only</source>
        <translation>Solo mmol/L</translation>
    </message>
    <message>
        <source>Slow</source>
        <extracomment>Read-aloud speeds, as speech-engine rates (-1 slowest … 0 normal … 1 fastest), and their names. Even &quot;Fast&quot; stays easy to follow; &quot;Slow&quot; helps a reader who is learning the words. Shown as ``translate(&quot;Preferences&quot;, name)``.</extracomment>
        <translation>Lenta</translation>
    </message>
    <message>
        <source>Relaxed</source>
        <translation>Tranquila</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Brisk</source>
        <translation>Ágil</translation>
    </message>
    <message>
        <source>Fast</source>
        <translation>Rápida</translation>
    </message>
</context>
<context>
    <name>PrintCommands</name>
    <message>
        <source>Export PDF</source>
        <translation>Exportar PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot save the PDF</source>
        <translation>No se puede guardar el PDF</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Se guardó {path}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>it is a folder</source>
        <extracomment>Diagrams are drawn at this many pixels per CSS pixel for print (about 300 dpi on paper). Dots per inch of a PDF handout: QPrinter&apos;s HighResolution, which the handouts used before. The page margins QPrinter gives a PDF; the document adds its own 2 cm inside them.</extracomment>
        <translation>es una carpeta</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>la carpeta {folder} no existe</translation>
    </message>
    <message>
        <source>{folder} is not a folder</source>
        <translation>{folder} no es una carpeta</translation>
    </message>
    <message>
        <source>the file there is read-only</source>
        <translation>el archivo que ya está ahí es de solo lectura</translation>
    </message>
    <message>
        <source>the PDF could not be drawn</source>
        <extracomment>Layout units per inch (the document&apos;s, as on screen). Page margins inside the paper&apos;s (mm): they print on ordinary printers. The header&apos;s and the footer&apos;s height (mm), with the gap to the text. The cover&apos;s own look, on top of the article style.</extracomment>
        <translation>no se pudo crear el PDF</translation>
    </message>
    <message>
        <source>cannot save {path}: {reason}</source>
        <translation>no se puede guardar {path}: {reason}</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>Vista previa de impresión</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <source>Open an article to have it read aloud.</source>
        <translation>Abra un artículo para que se lea en voz alta.</translation>
    </message>
    <message>
        <source>This page has nothing to read aloud.</source>
        <translation>Esta página no tiene nada que leer en voz alta.</translation>
    </message>
    <message>
        <source>Reading speed: {speed}</source>
        <translation>Velocidad de lectura: {speed}</translation>
    </message>
    <message>
        <source>Voice: {name}</source>
        <translation>Voz: {name}</translation>
    </message>
    <message>
        <source>Finished reading aloud.</source>
        <translation>Terminó la lectura en voz alta.</translation>
    </message>
    <message>
        <source>“{heading}” is not read aloud.</source>
        <translation>“{heading}” no se lee en voz alta.</translation>
    </message>
</context>
<context>
    <name>ReadAloudBar</name>
    <message>
        <source>Read aloud</source>
        <translation>Lectura en voz alta</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lectura</translation>
    </message>
    <message>
        <source>P&amp;ause</source>
        <translation>Pausa&amp;r</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>De&amp;tener</translation>
    </message>
    <message>
        <source>Reading speed</source>
        <translation>Velocidad de lectura</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Voz</translation>
    </message>
    <message>
        <source>Spee&amp;d:</source>
        <translation>Vel&amp;ocidad:</translation>
    </message>
    <message>
        <source>V&amp;oice:</source>
        <translation>Vo&amp;z:</translation>
    </message>
    <message>
        <source>Starting the voice…</source>
        <translation>Iniciando la voz…</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>Rea&amp;nudar</translation>
    </message>
    <message>
        <source>Paused at sentence {number} of {total}</source>
        <translation>En pausa en la oración {number} de {total}</translation>
    </message>
    <message>
        <source>Reading sentence {number} of {total}</source>
        <translation>Leyendo la oración {number} de {total}</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <source>You are here</source>
        <translation>Usted está aquí</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>1 article found for {query}.</source>
        <extracomment>Text with each hit between :data:`HIT_START` and :data:`HIT_END`. The query actually run: the corrected one if :attr:`corrected` is true. True if misspelled words were replaced (&quot;Showing results for …&quot;). A better-spelled query that was not needed to find results (&quot;Did you mean …?&quot;). Words to highlight in the article opened from a hit.</extracomment>
        <translation>Se encontró 1 artículo para {query}.</translation>
    </message>
    <message>
        <source>{count} articles found for {query}.</source>
        <translation>Se encontraron {count} artículos para {query}.</translation>
    </message>
    <message>
        <source>No articles found for {query}.</source>
        <translation>No se encontraron artículos para {query}.</translation>
    </message>
    <message>
        <source>No articles for {typed}. Showing results for {query} instead.</source>
        <translation>No hay artículos para {typed}. En su lugar, se muestran resultados para {query}.</translation>
    </message>
    <message>
        <source>Did you mean {suggestion}?</source>
        <translation>¿Quiso decir {suggestion}?</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>The search index is still being built; results will appear when it is ready.</source>
        <extracomment>Pause in typing before a query is sent (ms). It counts in the time from the last key to the results (target: 100 ms), so it is short; it only saves work when keys come faster still.</extracomment>
        <translation>El índice de búsqueda todavía se está creando; los resultados aparecerán cuando esté listo.</translation>
    </message>
</context>
<context>
    <name>SearchIndex</name>
    <message>
        <source>The search index cannot be saved in {folder} ({reason}); it was built in memory for this session.</source>
        <extracomment>``progress(done, total)`` while building. Unfinished build folders older than this belong to a build that died (used when the folder&apos;s owner cannot be checked: another machine sharing the cache, or no way to ask here). No build runs this long: older folders are removed whatever their owner&apos;s pid says.</extracomment>
        <translation>El índice de búsqueda no se puede guardar en {folder} ({reason}); se creó en la memoria para esta sesión.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search status</source>
        <extracomment>Laid-out hits kept, so painting reuses the layout that sizing made.</extracomment>
        <translation>Estado de la búsqueda</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Type in the search box (Ctrl+K) to search every article.</source>
        <translation>Escriba en el cuadro de búsqueda (Ctrl+K) para buscar en todos los artículos.</translation>
    </message>
    <message>
        <source>Showing results for &lt;b&gt;{effective}&lt;/b&gt; (nothing found for “{typed}”).</source>
        <translation>Se muestran resultados para &lt;b&gt;{effective}&lt;/b&gt; (no se encontró nada para “{typed}”).</translation>
    </message>
    <message>
        <source>Did you mean &lt;a href=&quot;{link}&quot;&gt;{suggestion}&lt;/a&gt;?</source>
        <translation>¿Quiso decir &lt;a href=&quot;{link}&quot;&gt;{suggestion}&lt;/a&gt;?</translation>
    </message>
    <message>
        <source>No articles found for “{typed}”. Try fewer words or another word for the same thing.</source>
        <translation>No se encontraron artículos para “{typed}”. Pruebe con menos palabras o con otra palabra que diga lo mismo.</translation>
    </message>
    <message>
        <source>1 article found (best 1 of {total}).</source>
        <translation>1 artículo encontrado (el mejor de {total}).</translation>
    </message>
    <message>
        <source>{count} articles found (best {count} of {total}).</source>
        <translation>{count} artículos encontrados (los {count} mejores de {total}).</translation>
    </message>
    <message>
        <source>1 article found.</source>
        <translation>1 artículo encontrado.</translation>
    </message>
    <message>
        <source>{count} articles found.</source>
        <translation>{count} artículos encontrados.</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>{title}, in {section}: {snippet}</source>
        <translation>{title}, en {section}: {snippet}</translation>
    </message>
    <message>
        <source>{title}: {snippet}</source>
        <translation>{title}: {snippet}</translation>
    </message>
</context>
<context>
    <name>SearchWorker</name>
    <message>
        <source>Search is not available: {error}</source>
        <extracomment>The library was opened from the cache&apos;s snapshot and a file has changed since: the freshly loaded library (the index is opened when the window asks again, for it). The library from the snapshot matches its files: the UI thread may mark it verified (this thread never changes an object the UI thread owns). Set from the UI thread when the app closes: a running build stops at the next article.</extracomment>
        <translation>La búsqueda no está disponible: {error}</translation>
    </message>
    <message>
        <source>The search index was damaged or replaced; it was rebuilt.</source>
        <translation>El índice de búsqueda estaba dañado o fue reemplazado; se volvió a crear.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Qué hace</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
</context>
<context>
    <name>Speaker</name>
    <message>
        <source>Reading aloud stopped: the speech engine did not answer. Check that the computer&apos;s sound works, then try again.</source>
        <extracomment>Names an engine instead of the platform&apos;s (the tests use &quot;mock&quot;). How long opening the engine, and starting a sentence, may take; and how long a sentence may take per character at the slowest speed, before the reader is told it did not work (ms). How long the engine&apos;s process is given to end by itself when the reader closes (ms).</extracomment>
        <translation>La lectura en voz alta se detuvo: el motor de voz no respondió. Revise que el sonido de la computadora funcione y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Reading aloud stopped: the speech engine stopped working. Try again; if it happens again, restart the computer&apos;s speech service.</source>
        <translation>La lectura en voz alta se detuvo: el motor de voz dejó de funcionar. Vuelva a intentarlo; si pasa otra vez, reinicie el servicio de voz de la computadora.</translation>
    </message>
    <message>
        <source>Reading aloud stopped: the speech engine reported a problem ({details}).</source>
        <extracomment>What the engine&apos;s process may send as words for the reader (in English: it has no translator); they are translated here, where they are shown. Whether the engine has been given the current sentence (not yet, while the engine opens or when paused before it opened). Whether the engine said it began the current sentence: a Ready from an earlier stop that arrives late must not count as this sentence&apos;s end. The number of the sentence last given to the engine: its events carry it, so news of an earlier one that arrives late is not taken for this one&apos;s.</extracomment>
        <translation>La lectura en voz alta se detuvo: el motor de voz informó un problema ({details}).</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>sin detalles</translation>
    </message>
    <message>
        <source>{problem} (The speech engine did not start.)</source>
        <translation>{problem} (El motor de voz no se inició.)</translation>
    </message>
    <message>
        <source>Read aloud could not start its speech engine ({detail}).</source>
        <translation>No se pudo iniciar el motor de voz para leer en voz alta ({detail}).</translation>
    </message>
    <message>
        <source>{problem} ({error})</source>
        <translation>{problem} ({error})</translation>
    </message>
    <message>
        <source>{problem} (The speech engine said: {detail})</source>
        <translation>{problem} (El motor de voz dijo: {detail})</translation>
    </message>
    <message>
        <source>Read aloud needs a speech voice, and none is installed on this computer. On Linux, install speech-dispatcher and espeak-ng (for example: sudo apt install speech-dispatcher espeak-ng). On Windows, add a voice under Settings › Time &amp; Language › Speech. On a Mac, choose one under System Settings › Accessibility › Spoken Content.</source>
        <extracomment>Sent to the reader in English; the reader&apos;s ``Speaker`` translates it where it shows it.</extracomment>
        <translation>Para leer en voz alta se necesita una voz, y no hay ninguna instalada en esta computadora. En Linux, instale speech-dispatcher y espeak-ng (por ejemplo: sudo apt install speech-dispatcher espeak-ng). En Windows, agregue una voz en Configuración › Hora e idioma › Voz. En una Mac, elija una en Ajustes del Sistema › Accesibilidad › Contenido leído.</translation>
    </message>
</context>
</TS>
