#include <QApplication>
#include <QLabel>
#include <QMainWindow>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ICN Desk"));
    QApplication::setOrganizationName(QStringLiteral("ICN Desk"));
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("ICN Desk"));
    window.setCentralWidget(new QLabel(QStringLiteral("ICN Desk"), &window));
    window.resize(1280, 800);
    window.show();
    return app.exec();
}
