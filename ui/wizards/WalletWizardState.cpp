#include "WalletWizardState.h"

#include "Bip39.h"

#include <QRandomGenerator>

#include <algorithm>

namespace icn::ui {

const char *WalletWizardState::demoMnemonic()
{
    return "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
}

QString WalletWizardState::demoAddress()
{
    return QStringLiteral("0x9858EfFD232B4033E47d90003D41EC34EcaEda94");
}

WalletWizardState::WalletWizardState()
    : generateMnemonic([] { return Bip39::generate(24); }),
      pickPositions([](int wordCount, int count) {
          QList<int> positions;
          while (positions.size() < count && positions.size() < wordCount) {
              const int p = int(QRandomGenerator::system()->bounded(wordCount));
              if (!positions.contains(p))
                  positions.append(p);
          }
          std::sort(positions.begin(), positions.end());
          return positions;
      }),
      seams(DialogSeams::system())
{
}

void WalletWizardState::clearSecrets()
{
    generatedMnemonic.clear();
    importedMnemonic.clear();
    keystorePassword.clear();
    password.clear();
    keystoreJson.clear();
}

} // namespace icn::ui
