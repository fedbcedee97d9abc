package org.cardiacrnn.nn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.cardiacrnn.hyperparameters.Hyperparameter;
import org.cardiacrnn.hyperparameters.Hyperparameters;
import org.cardiacrnn.hyperparameters.Hyperparameters.WeightInitialisation;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInitRelu;
import org.deeplearning4j.nn.weights.WeightInitXavier;
import org.junit.jupiter.api.Test;

/** The hyperparameter added through the table: one descriptor, and its use here in the network. */
class WeightInitialisationTest {

    @Test
    void heScalesTheFirstLayersWeightsForReluAndXavierStaysTheDefault() {
        Hyperparameters xavier = Hyperparameter.HIDDEN_UNITS.with(Hyperparameters.quick(), 16);
        Hyperparameters he = Hyperparameter.WEIGHT_INIT.with(xavier, WeightInitialisation.HE);

        MultiLayerNetwork xavierNetwork = NetworkFactory.build(xavier, 40, 3, null);
        MultiLayerNetwork heNetwork = NetworkFactory.build(he, 40, 3, null);

        assertThat(Hyperparameters.quick().weightInit()).isEqualTo(WeightInitialisation.XAVIER);
        BaseLayer xavierLayer = (BaseLayer) xavierNetwork.getLayerWiseConfigurations().getConf(0).getLayer();
        BaseLayer heLayer = (BaseLayer) heNetwork.getLayerWiseConfigurations().getConf(0).getLayer();
        assertThat(xavierLayer.getWeightInitFn()).isInstanceOf(WeightInitXavier.class);
        assertThat(heLayer.getWeightInitFn()).isInstanceOf(WeightInitRelu.class);
        // He draws with variance 2 / fan-in, Xavier with 2 / (fan-in + fan-out): wider here, where fan-out > 0.
        double xavierSpread = xavierNetwork.getLayer(0).params().stdNumber().doubleValue();
        double heSpread = heNetwork.getLayer(0).params().stdNumber().doubleValue();
        assertThat(heSpread).isGreaterThan(xavierSpread * 1.2);
    }

    @Test
    void aConfigSavedBeforeTheSettingExistedReadsAsXavier() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode saved = json.valueToTree(Hyperparameters.quick());
        saved.remove(Hyperparameter.WEIGHT_INIT.key());

        Hyperparameters read = json.treeToValue(saved, Hyperparameters.class);

        assertThat(read).isEqualTo(Hyperparameters.quick());
    }
}
